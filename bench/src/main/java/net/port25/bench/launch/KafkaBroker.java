package net.port25.bench.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one) as its own JVM
 * ({@code kafka.Kafka}, the classes of this project's classpath), its log directory under
 * the run directory. {@link #stop()} is a controlled shutdown; {@link #kill()} a crash
 * (SIGKILL): a restart then waits for the broker's old session to expire.
 */
public final class KafkaBroker implements AutoCloseable {

	private final Path runDirectory;

	private final Path config;

	private final int port;

	private ManagedProcess process;

	private KafkaBroker(Path runDirectory, Path config, int port) {
		this.runDirectory = runDirectory;
		this.config = config;
		this.port = port;
	}

	/** Formats a new log directory (once) and starts the broker on {@code port}. */
	public static KafkaBroker start(Path runDirectory, int port, int controllerPort) {
		Path logDirectory = runDirectory.resolve("kafka-data");
		Path config = runDirectory.resolve("kafka.properties");
		try {
			Files.createDirectories(logDirectory);
			try (OutputStream out = Files.newOutputStream(config)) {
				properties(logDirectory, port, controllerPort).store(out, "written by the benchmark's KafkaBroker");
			}
			Files.writeString(runDirectory.resolve("kafka-logback.xml"), """
					<configuration>
					  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
					    <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>
					  </appender>
					  <root level="WARN"><appender-ref ref="out"/></root>
					</configuration>
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		KafkaBroker broker = new KafkaBroker(runDirectory, config, port);
		if (!Files.exists(logDirectory.resolve("meta.properties"))) {
			broker.java("kafka-format", "kafka.tools.StorageTool", "format", "--cluster-id",
					Uuid.randomUuid().toString(), "--config", config.toString());
		}
		broker.start();
		return broker;
	}

	/** Starts the broker again on the same log directory and port. */
	public void start() {
		this.process = ManagedProcess.start("kafka", command("kafka.Kafka", this.config.toString()), Map.of(),
				this.runDirectory);
		this.process.awaitReady(this::answers, Duration.ofSeconds(90));
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** A controlled shutdown (SIGTERM). */
	public void stop() {
		this.process.stop(Duration.ofSeconds(60));
	}

	/** SIGKILL: no controlled shutdown, the log's tail as the page cache had it. */
	public void kill() {
		this.process.kill();
	}

	public ManagedProcess process() {
		return this.process;
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			stop();
		}
	}

	private boolean answers() {
		if (!Ports.listening(this.port)) {
			return false;
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

	private void java(String name, String mainClass, String... arguments) {
		ManagedProcess tool = ManagedProcess.start(name, command(mainClass, arguments), Map.of(), this.runDirectory);
		tool.awaitReady(() -> !tool.isAlive(), Duration.ofSeconds(60));
	}

	private List<String> command(String mainClass, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx768m",
						"-XX:+UseG1GC", "-Dlogback.configurationFile=" + this.runDirectory.resolve("kafka-logback.xml"),
						"-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(arguments));
		return command;
	}

	private static Properties properties(Path logDirectory, int port, int controllerPort) {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("log.dirs", logDirectory.toAbsolutePath().toString());
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("offsets.topic.num.partitions", "5");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		properties.setProperty("auto.create.topics.enable", "false");
		return properties;
	}

}
