package net.port25.workflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One PostgreSQL everywhere the engine runs on it: the same release in the embedded
 * binaries (the run command and the tests without Docker), the Testcontainers image and
 * Compose's, as the README says; and the server settings the engine's write load needs
 * (buffers, checkpoints minutes apart rather than one per GB of WAL, WAL segments not
 * zero-filled before use) the same in Compose and in the embedded default's server that
 * keeps its data.
 */
class PostgresEverywhereIntegrationTests {

	private static final String RELEASE = "16.10";

	@TempDir
	Path dataDirectory;

	@Test
	void runsTheSamePostgresqlReleaseEmbeddedInContainersAndInCompose() throws Exception {
		try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(null, 0)) {
			// "PostgreSQL 16.10 on x86_64-pc-linux-gnu, ..."
			assertThat(query(embedded, "select version()")).startsWith("PostgreSQL " + RELEASE + " ");
		}
		assertThat(ContainerInfrastructure.POSTGRES_IMAGE).isEqualTo("postgres:" + RELEASE + "-alpine");
		assertThat(composePostgres().get("image")).isEqualTo("postgres:" + RELEASE);
	}

	@Test
	void saysWhichPostgresqlReleaseInTheReadme() throws IOException {
		assertThat(Files.readString(Path.of("README.md"))).contains("PostgreSQL " + RELEASE)
			.doesNotContain("PostgreSQL 14")
			.doesNotContain("PostgreSQL 15");
	}

	@Test
	void theEmbeddedDefaultRunsWithTheSettingsComposeGivesPostgresql() throws Exception {
		Map<String, String> composed = composeSettings();
		assertThat(composed).containsOnlyKeys("shared_buffers", "max_wal_size", "checkpoint_timeout", "wal_init_zero");

		try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(dataDirectory, 0)) {
			for (Map.Entry<String, String> setting : composed.entrySet()) {
				assertThat(query(embedded, "show " + setting.getKey())).as(setting.getKey())
					.isEqualTo(setting.getValue());
			}
			assertThat(query(embedded, "show fsync")).isEqualTo("on");
		}
	}

	/** The first column of the statement's first row, as text. */
	private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
	}

	/** The {@code -c name=value} arguments of Compose's PostgreSQL command. */
	private static Map<String, String> composeSettings() throws IOException {
		List<?> command = (List<?>) composePostgres().get("command");
		Map<String, String> settings = new LinkedHashMap<>();
		for (int i = 0; i < command.size() - 1; i++) {
			if ("-c".equals(command.get(i))) {
				String[] setting = String.valueOf(command.get(i + 1)).split("=", 2);
				settings.put(setting[0], setting[1]);
			}
		}
		return settings;
	}

	private static Map<?, ?> composePostgres() throws IOException {
		Map<?, ?> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(Path.of("docker-compose.yml")));
		return (Map<?, ?>) ((Map<?, ?>) compose.get("services")).get("postgres");
	}

}
