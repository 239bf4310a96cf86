package net.port25.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * One module per capability, each depending only on the modules its
 * {@code package-info.java} allows, with no cycles and no reach into another module's
 * internals; the README shows the modules as they are.
 */
class ModularityTest {

	static final ApplicationModules modules = ApplicationModules.of(Port25WorkflowApplication.class);

	/** The diagram the README shows, and its PlantUML source. */
	static final Path DIAGRAM = Path.of("docs", "modules.svg");

	static final Path DIAGRAM_SOURCE = Path.of("docs", "modules.puml");

	/** Set to rewrite the committed diagram after a change of the modules. */
	static final String UPDATE_PROPERTY = "port25.docs.update";

	@Test
	void everyModuleDependsOnlyOnWhatItDeclares() {
		modules.verify();
	}

	@Test
	void theReadmeShowsTheModulesAsTheyAre() throws IOException {
		Path generated = Path.of("target", "spring-modulith-docs");
		new Documenter(modules, generated.toString())
			.writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML));
		String source = Files.readString(generated.resolve("components.puml"))
			.replace("@startuml", "@startuml\n!pragma layout smetana");
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			Files.writeString(DIAGRAM_SOURCE, source);
			render(source, DIAGRAM);
		}
		// the documenter lists the relationships in no fixed order
		assertThat(Files.readAllLines(DIAGRAM_SOURCE))
			.as("%s is out of date: run ./mvnw test -Dtest=ModularityTest -D%s=true", DIAGRAM_SOURCE, UPDATE_PROPERTY)
			.containsExactlyInAnyOrderElementsOf(source.lines().toList());
		assertThat(DIAGRAM).isNotEmptyFile();
	}

	private static void render(String source, Path svg) throws IOException {
		try (OutputStream out = Files.newOutputStream(svg)) {
			new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
		}
	}

}
