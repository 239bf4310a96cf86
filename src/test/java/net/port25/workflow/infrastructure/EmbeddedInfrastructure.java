package net.port25.workflow.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL and Kafka as real servers on this machine, without a Docker engine. With a
 * data directory they keep their data there and listen on fixed ports; without one they
 * use temporary directories and free ports.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

	private final EmbeddedPostgresServer postgres;

	private final LocalKafkaBroker kafka;

	private final Path temporaryDirectory;

	private EmbeddedInfrastructure(EmbeddedPostgresServer postgres, LocalKafkaBroker kafka, Path temporaryDirectory) {
		this.postgres = postgres;
		this.kafka = kafka;
		this.temporaryDirectory = temporaryDirectory;
	}

	/**
	 * Servers that keep their data under {@code dataDirectory} and listen on the given
	 * ports.
	 */
	public static EmbeddedInfrastructure persistent(Path dataDirectory, LocalPorts ports) {
		EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"),
				ports.postgres());
		LocalKafkaBroker kafka = startKafkaOrStop(postgres, dataDirectory.resolve("kafka"), ports);
		return new EmbeddedInfrastructure(postgres, kafka, null);
	}

	/**
	 * Cleans up after a run on {@code dataDirectory} that was killed rather than stopped.
	 * Call it only while holding the directory's {@link DataDirectoryLock}.
	 */
	public static void recoverFromKilledRun(Path dataDirectory) {
		EmbeddedPostgresServer.stopOrphanedServer(dataDirectory.resolve("postgres"));
	}

	/** Throw-away servers on free ports, for tests. */
	public static EmbeddedInfrastructure temporary() {
		try {
			Path directory = Files.createTempDirectory("port25-test-");
			EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
			LocalPorts ports = new LocalPorts(0, 0, 0, freePort(), freePort());
			LocalKafkaBroker kafka = startKafkaOrStop(postgres, directory.resolve("kafka"), ports);
			return new EmbeddedInfrastructure(postgres, kafka, directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static LocalKafkaBroker startKafkaOrStop(EmbeddedPostgresServer postgres, Path logDirectory,
			LocalPorts ports) {
		try {
			return LocalKafkaBroker.start(logDirectory, ports.kafka(), ports.kafkaController());
		}
		catch (RuntimeException ex) {
			postgres.close();
			throw ex;
		}
	}

	@Override
	public String jdbcUrl() {
		return postgres.jdbcUrl();
	}

	@Override
	public String username() {
		return EmbeddedPostgresServer.USER;
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public String kafkaBootstrapServers() {
		return kafka.bootstrapServers();
	}

	@Override
	public void close() {
		try {
			kafka.close();
		}
		finally {
			postgres.close();
			deleteTemporaryDirectory();
		}
	}

	private void deleteTemporaryDirectory() {
		if (temporaryDirectory != null) {
			try {
				FileSystemUtils.deleteRecursively(temporaryDirectory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
