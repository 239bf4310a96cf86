package net.port25.workflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded development run promises: data in the checkout survives a restart of
 * both servers.
 */
class EmbeddedInfrastructureIntegrationTests {

	@TempDir
	Path dataDirectory;

	@Test
	void keepsDatabaseRowsAndTopicsAcrossARestart() throws Exception {
		LocalPorts ports = new LocalPorts(0, 0, freePort(), freePort(), freePort());
		try (EmbeddedInfrastructure first = EmbeddedInfrastructure.persistent(dataDirectory, ports)) {
			execute(first, "create table kept (note text); insert into kept values ('before restart')");
			createTopic(first, "kept.topic");
		}

		try (EmbeddedInfrastructure second = EmbeddedInfrastructure.persistent(dataDirectory, ports)) {
			assertThat(queryNote(second)).isEqualTo("before restart");
			assertThat(topics(second)).contains("kept.topic");
		}
	}

	private static void execute(Infrastructure infrastructure, String sql) throws SQLException {
		try (Connection connection = connect(infrastructure); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryNote(Infrastructure infrastructure) throws SQLException {
		try (Connection connection = connect(infrastructure);
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("select note from kept")) {
			row.next();
			return row.getString(1);
		}
	}

	private static Connection connect(Infrastructure infrastructure) throws SQLException {
		return DriverManager.getConnection(infrastructure.jdbcUrl(), infrastructure.username(),
				infrastructure.password());
	}

	private static void createTopic(Infrastructure infrastructure, String name) throws Exception {
		try (Admin admin = admin(infrastructure)) {
			admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
		}
	}

	private static Set<String> topics(Infrastructure infrastructure) throws Exception {
		try (Admin admin = admin(infrastructure)) {
			return admin.listTopics().names().get();
		}
	}

	private static Admin admin(Infrastructure infrastructure) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
