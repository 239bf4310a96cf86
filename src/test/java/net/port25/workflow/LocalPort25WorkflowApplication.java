package net.port25.workflow;

import java.nio.file.Path;

import net.port25.workflow.infrastructure.DataDirectoryLock;
import net.port25.workflow.infrastructure.EmbeddedInfrastructure;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.InfrastructureConnections;
import net.port25.workflow.infrastructure.LocalPorts;
import net.port25.workflow.infrastructure.LocalTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The embedded development run ({@code ./mvnw spring-boot:test-run}): a real PostgreSQL
 * server and a real Kafka broker start with the engine, keep their data in {@code .data/}
 * of the checkout, and stop with it. Development users exist only here.
 */
public final class LocalPort25WorkflowApplication {

	private static final Logger log = LoggerFactory.getLogger(LocalPort25WorkflowApplication.class);

	static final Path DATA_DIRECTORY = Path.of(".data");

	static final LocalPorts PORTS = new LocalPorts(8080, 8081, 15432, 9092, 9093);

	/**
	 * Held until the JVM exits; a second run on the same checkout is refused while it is.
	 */
	private static DataDirectoryLock lock;

	private LocalPort25WorkflowApplication() {
	}

	public static void main(String[] args) {
		try {
			lock = DataDirectoryLock.acquire(DATA_DIRECTORY);
			EmbeddedInfrastructure.recoverFromKilledRun(DATA_DIRECTORY);
			PORTS.requireFree();
		}
		catch (IllegalStateException ex) {
			log.error(ex.getMessage());
			System.exit(1);
		}
		SpringApplication.from(Port25WorkflowApplication::main)
			.with(LocalDevelopment.class)
			.withAdditionalProfiles("embedded")
			.run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ InfrastructureConnections.class, LocalDevelopmentUsers.class, LocalTokens.AsTokenIssuer.class })
	static class LocalDevelopment {

		@Bean(destroyMethod = "close")
		Infrastructure infrastructure() {
			log.info("Starting PostgreSQL on 127.0.0.1:{} and Kafka on 127.0.0.1:{}, data in {}", PORTS.postgres(),
					PORTS.kafka(), DATA_DIRECTORY.toAbsolutePath());
			return EmbeddedInfrastructure.persistent(DATA_DIRECTORY, PORTS);
		}

	}

}
