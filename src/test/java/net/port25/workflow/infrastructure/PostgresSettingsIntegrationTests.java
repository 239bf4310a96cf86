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
 * The server settings the engine's write load needs (buffers, and checkpoints minutes
 * apart rather than one per GB of WAL), the same in Compose and in the embedded default's
 * server that keeps its data: what the README's run command starts.
 */
class PostgresSettingsIntegrationTests {

	@TempDir
	Path dataDirectory;

	@Test
	void theEmbeddedDefaultRunsWithTheSettingsComposeGivesPostgresql() throws Exception {
		Map<String, String> composed = composeSettings();
		assertThat(composed).containsOnlyKeys("shared_buffers", "max_wal_size", "checkpoint_timeout");

		try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(dataDirectory, 0)) {
			for (Map.Entry<String, String> setting : composed.entrySet()) {
				assertThat(show(embedded.jdbcUrl(), setting.getKey())).as(setting.getKey())
					.isEqualTo(setting.getValue());
			}
			assertThat(show(embedded.jdbcUrl(), "fsync")).isEqualTo("on");
		}
	}

	private static String show(String jdbcUrl, String setting) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, "");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("show " + setting)) {
			row.next();
			return row.getString(1);
		}
	}

	/** The compose file's {@code -c name=value} arguments of PostgreSQL's command. */
	private static Map<String, String> composeSettings() throws IOException {
		Map<?, ?> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(Path.of("docker-compose.yml")));
		List<?> command = (List<?>) ((Map<?, ?>) ((Map<?, ?>) compose.get("services")).get("postgres")).get("command");
		Map<String, String> settings = new LinkedHashMap<>();
		for (int i = 0; i < command.size() - 1; i++) {
			if ("-c".equals(command.get(i))) {
				String[] setting = String.valueOf(command.get(i + 1)).split("=", 2);
				settings.put(setting[0], setting[1]);
			}
		}
		return settings;
	}

}
