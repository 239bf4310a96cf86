package net.port25.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The project keeps its own copy of the contract and its examples, so that it builds
 * anywhere. Where the shared original is checked out beside the project, the copy must
 * equal it.
 */
class ContractCopyTest {

	private static final Path SHARED = Path.of("..", "shared", "contract");

	private static final Path COPY = Path.of("src", "test", "resources", "contract");

	@Test
	void copyEqualsTheSharedContract() throws IOException {
		Assumptions.assumeTrue(Files.isDirectory(SHARED),
				"skipped: the shared contract is not checked out beside the project at " + SHARED.toAbsolutePath());
		try (Stream<Path> files = Files.walk(SHARED)) {
			files.filter(Files::isRegularFile).forEach(original -> {
				Path copy = COPY.resolve(SHARED.relativize(original).toString());
				assertThat(copy).as("copy of %s", original).exists();
				assertThat(copy).as("copy of %s", original).hasSameBinaryContentAs(original);
			});
		}
	}

}
