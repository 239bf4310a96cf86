package net.port25.workflow.infrastructure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import net.port25.workflow.Port25WorkflowApplication;
import net.port25.workflow.system.ContainerHealthCheck;

/**
 * A second engine replica in a JVM of its own, on the same PostgreSQL and Kafka as the
 * tests' engine: what a second pod is, in the production profile and with the environment
 * a pod gets. Its Kafka listeners stay stopped, so that the tests' engine keeps every
 * partition; its log (ECS JSON, as in production) goes to
 * {@code target/second-replica.log}.
 */
public final class SecondReplica implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private static final Path LOG = Path.of("target", "second-replica.log");

	private final Process process;

	private final int port;

	private SecondReplica(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the replica with these environment variables (a pod's, say) and waits until
	 * it answers its readiness probe. The connection details and ports given here win
	 * over the environment's.
	 */
	public static SecondReplica start(Infrastructure infrastructure, Map<String, String> environment)
			throws IOException, InterruptedException {
		int port = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = classPath();
		List<String> command = List.of(java, "-Xmx768m", "-cp", classPath, Port25WorkflowApplication.class.getName(),
				"--spring.profiles.active=test,production", "--server.port=" + port,
				"--management.server.port=" + freePort(), "--spring.datasource.url=" + infrastructure.jdbcUrl(),
				"--spring.datasource.username=" + infrastructure.username(),
				"--spring.datasource.password=" + infrastructure.password(),
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--spring.kafka.listener.auto-startup=false",
				// customers' tokens are not this replica's business here; the key set is
				// never fetched
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused",
				// the production profile's safety check wants a real administrator
				"--camunda.bpm.admin-user.id=replica-admin", "--camunda.bpm.admin-user.password=" + UUID.randomUUID());
		Files.createDirectories(LOG.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		SecondReplica replica = new SecondReplica(process, port);
		replica.awaitReady();
		return replica;
	}

	public int port() {
		return port;
	}

	private void awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		URI readiness = URI.create("http://127.0.0.1:" + port + "/readyz");
		while (!ContainerHealthCheck.isHealthy(readiness, ContainerHealthCheck.TIMEOUT)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				close();
				throw new IllegalStateException("The second replica did not start within " + STARTUP + " (exit "
						+ (process.isAlive() ? "none" : process.exitValue()) + "); see " + LOG.toAbsolutePath());
			}
			Thread.sleep(500);
		}
	}

	/** Stops the replica as Kubernetes would: SIGTERM, then its graceful shutdown. */
	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The tests' class path, without the empty entry Failsafe leaves at its end: Java
	 * would read it as the working directory, whose {@code bpmn/} the engine would deploy
	 * a second time.
	 */
	private static String classPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
