package net.port25.workflow.infrastructure;

/** A running PostgreSQL server and Kafka broker the engine can connect to. */
public interface Infrastructure extends AutoCloseable {

	String jdbcUrl();

	String username();

	String password();

	String kafkaBootstrapServers();

	@Override
	void close();

}
