package net.port25.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The README's picture of the process ({@code docs/process.png}) is of the BPMN as it is
 * now: {@code docs/diagram/render} writes, beside the picture, the SHA-256 of the BPMN it
 * drew ({@code docs/process.png.sha256}).
 */
class ProcessDiagramTest {

	private static final Path BPMN = Path.of("bpmn/port25-access.bpmn");

	private static final Path PICTURE = Path.of("docs/process.png");

	private static final Path RENDERED_FROM = Path.of("docs/process.png.sha256");

	@Test
	void thePictureOfTheProcessIsRenderedFromTheCurrentBpmn() throws IOException, NoSuchAlgorithmException {
		assertThat(PICTURE).as("run docs/diagram/render").isNotEmptyFile();
		assertThat(RENDERED_FROM).as("run docs/diagram/render").exists();
		String renderedFrom = Files.readString(RENDERED_FROM).trim().split("\\s+")[0];

		String current = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(BPMN)));

		assertThat(renderedFrom)
			.as("docs/process.png was rendered from another %s than the current one: run docs/diagram/render", BPMN)
			.isEqualTo(current);
	}

}
