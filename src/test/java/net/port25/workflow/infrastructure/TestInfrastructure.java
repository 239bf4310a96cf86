package net.port25.workflow.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;

/**
 * The servers integration tests run against, started once per test JVM: containers where
 * a Docker engine is present, embedded servers otherwise; the same tests either way.
 * {@code PORT25_TEST_INFRASTRUCTURE=embedded} or {@code containers} forces one.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static Infrastructure shared;

	private TestInfrastructure() {
	}

	public static synchronized Infrastructure shared() {
		if (shared == null) {
			shared = start();
			// after every test application context has closed, so that no engine outlives
			// its database
			SpringApplication.getShutdownHandlers().add(shared::close);
		}
		return shared;
	}

	private static Infrastructure start() {
		if (useContainers()) {
			log.info("Integration tests run on Testcontainers (PostgreSQL 16, Apache Kafka)");
			return ContainerInfrastructure.start();
		}
		log.info("No Docker engine: integration tests run on embedded PostgreSQL and an in-JVM Kafka broker");
		return EmbeddedInfrastructure.temporary();
	}

	private static boolean useContainers() {
		String forced = System.getenv("PORT25_TEST_INFRASTRUCTURE");
		if (forced != null && !forced.isBlank()) {
			return forced.equalsIgnoreCase("containers");
		}
		return DockerClientFactory.instance().isDockerAvailable();
	}

}
