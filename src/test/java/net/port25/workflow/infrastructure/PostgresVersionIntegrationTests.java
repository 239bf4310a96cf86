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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One PostgreSQL release everywhere the engine runs on it: the embedded binaries (the run
 * command and the tests without Docker), the Testcontainers image and Compose's, and the
 * README says which.
 */
class PostgresVersionIntegrationTests {

	private static final String RELEASE = "16.10";

	@Test
	void runsTheSamePostgresqlReleaseEmbeddedInContainersAndInCompose() throws Exception {
		try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(null, 0)) {
			assertThat(serverVersion(embedded.jdbcUrl())).startsWith(RELEASE + " ");
		}
		assertThat(ContainerInfrastructure.POSTGRES_IMAGE).isEqualTo("postgres:" + RELEASE + "-alpine");
		assertThat(composeImage()).isEqualTo("postgres:" + RELEASE);
	}

	@Test
	void saysWhichPostgresqlReleaseInTheReadme() throws IOException {
		assertThat(Files.readString(Path.of("README.md"))).contains("PostgreSQL " + RELEASE)
			.doesNotContain("PostgreSQL 14")
			.doesNotContain("PostgreSQL 15");
	}

	private static String serverVersion(String jdbcUrl) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, "");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("select version()")) {
			row.next();
			// "PostgreSQL 16.10 on x86_64-pc-linux-gnu, ..."
			return row.getString(1).substring("PostgreSQL ".length());
		}
	}

	private static String composeImage() throws IOException {
		Map<?, ?> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(Path.of("docker-compose.yml")));
		return String.valueOf(((Map<?, ?>) ((Map<?, ?>) compose.get("services")).get("postgres")).get("image"));
	}

}
