package net.port25.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The capabilities speak neither Kafka nor HTTP: the Kafka edge and the REST API call
 * them. Which module may use which is {@link ModularityTest}'s business.
 */
class ArchitectureTest {

	private static final String ROOT = "net.port25.workflow";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void capabilitiesDoNotUseKafkaOrMvcDirectly() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".request..", ROOT + ".intake..", ROOT + ".review..", ROOT + ".enablement..",
					ROOT + ".revocation..", ROOT + ".inventory..", ROOT + ".staff..", ROOT + ".access..",
					ROOT + ".audit..", ROOT + ".monitoring..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..", "org.springframework.web..")
			.check(classes);
	}

}
