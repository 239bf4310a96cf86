package net.port25.workflow.infrastructure;

import java.util.List;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points the engine's DataSource and Kafka clients at an {@link Infrastructure} bean
 * through Boot's connection details, exactly as a Testcontainers
 * {@code @ServiceConnection} would.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InfrastructureConnections {

	@Bean
	JdbcConnectionDetails infrastructureJdbcConnection(Infrastructure infrastructure) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return infrastructure.jdbcUrl();
			}

			@Override
			public String getUsername() {
				return infrastructure.username();
			}

			@Override
			public String getPassword() {
				return infrastructure.password();
			}

		};
	}

	@Bean
	KafkaConnectionDetails infrastructureKafkaConnection(Infrastructure infrastructure) {
		return () -> List.of(infrastructure.kafkaBootstrapServers());
	}

}
