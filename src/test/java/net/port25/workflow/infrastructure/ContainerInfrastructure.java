package net.port25.workflow.infrastructure;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL 16 and Apache Kafka (KRaft) in containers, where a Docker engine is present.
 */
final class ContainerInfrastructure implements Infrastructure {

	/** The same PostgreSQL release as docker-compose.yml and the embedded binaries. */
	static final String POSTGRES_IMAGE = "postgres:16.10-alpine";

	private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));

	private final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));

	private ContainerInfrastructure() {
	}

	static ContainerInfrastructure start() {
		ContainerInfrastructure infrastructure = new ContainerInfrastructure();
		Startables.deepStart(infrastructure.postgres, infrastructure.kafka).join();
		return infrastructure;
	}

	@Override
	public String jdbcUrl() {
		return postgres.getJdbcUrl();
	}

	@Override
	public String username() {
		return postgres.getUsername();
	}

	@Override
	public String password() {
		return postgres.getPassword();
	}

	@Override
	public String kafkaBootstrapServers() {
		return kafka.getBootstrapServers();
	}

	@Override
	public void close() {
		kafka.stop();
		postgres.stop();
	}

}
