package net.port25.workflow.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running
 * in this JVM and speaking the real protocol on {@code 127.0.0.1:port}. Its log directory
 * is formatted once and reused on later starts.
 */
final class LocalKafkaBroker implements AutoCloseable {

	private final KafkaRaftServer server;

	private final int port;

	private LocalKafkaBroker(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static LocalKafkaBroker start(Path logDirectory, int port, int controllerPort) {
		Properties properties = serverProperties(logDirectory, port, controllerPort);
		format(logDirectory, properties);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
		server.startup();
		return new LocalKafkaBroker(server, port);
	}

	String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	@Override
	public void close() {
		server.shutdown();
		server.awaitShutdown();
	}

	private static Properties serverProperties(Path logDirectory, int port, int controllerPort) {
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

	/**
	 * Formats a new log directory once; a formatted one keeps its cluster id and data.
	 */
	private static void format(Path logDirectory, Properties properties) {
		if (Files.exists(logDirectory.resolve("meta.properties"))) {
			return;
		}
		try {
			Files.createDirectories(logDirectory);
			Path configFile = logDirectory.resolve("server.properties");
			try (OutputStream out = Files.newOutputStream(configFile)) {
				properties.store(out, "written by LocalKafkaBroker");
			}
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			int exitCode = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
					"--config", configFile.toString() }, new PrintStream(output, true, StandardCharsets.UTF_8));
			if (exitCode != 0) {
				throw new IllegalStateException("Formatting the Kafka log directory " + logDirectory + " failed: "
						+ output.toString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the Kafka log directory " + logDirectory, ex);
		}
	}

}
