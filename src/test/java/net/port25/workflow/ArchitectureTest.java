package net.port25.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the Kafka edge and the REST API call the capabilities, never
 * the other way round, and the shared kernel ({@code access}, {@code audit}) knows no
 * capability.
 */
class ArchitectureTest {

	private static final String ROOT = "net.port25.workflow";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void onlyTheKafkaEdgeKnowsTheKafkaEdge() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".events..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".events..")
			.check(classes);
	}

	@Test
	void onlyTheApiKnowsTheApi() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".api..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".api..")
			.check(classes);
	}

	@Test
	void capabilitiesDoNotUseKafkaOrMvcDirectly() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".intake..", ROOT + ".review..", ROOT + ".enablement..", ROOT + ".revocation..",
					ROOT + ".access..", ROOT + ".audit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..", "org.springframework.web..")
			.check(classes);
	}

	@Test
	void theSharedKernelKnowsNoCapability() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".access..", ROOT + ".audit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".intake..", ROOT + ".review..", ROOT + ".enablement..", ROOT + ".revocation..")
			.check(classes);
	}

}
