package net.port25.bench.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One engine node as shipped: {@code java -jar} on the application jar with the JVM flags
 * of the container image and the Helm chart ({@code JAVA_TOOL_OPTIONS}), the production
 * profile, and its configuration from the environment only, as in docker-compose.yml.
 * {@link #stop()} is a graceful shutdown (SIGTERM); {@link #kill()} a crash (SIGKILL).
 */
public final class EngineNode implements AutoCloseable {

	/** The Helm chart's and docker-compose.yml's {@code JAVA_TOOL_OPTIONS}. */
	public static final String PRODUCTION_JVM_FLAGS = "-XX:MaxRAMPercentage=75";

	public static final String ADMIN_USER = "bench-admin";

	public static final String ADMIN_PASSWORD = "bench-admin-password-0123";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Settings settings;

	private final int managementPort = Ports.free();

	private ManagedProcess process;

	private EngineNode(Settings settings) {
		this.settings = settings;
	}

	/** What a node needs from its surroundings. */
	public record Settings(String name, Path jar, Path runDirectory, int httpPort, String jdbcUrl,
			String kafkaBootstrapServers, String jwkSetUri, List<String> extraJvmFlags,
			Map<String, String> extraEnvironment) {
	}

	public static EngineNode start(Settings settings) {
		EngineNode node = new EngineNode(settings);
		node.start();
		return node;
	}

	/** Starts the node (again) and waits until it reports itself ready. */
	public void start() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.settings.extraJvmFlags());
		command.addAll(List.of("-jar", this.settings.jar().toString()));
		Map<String, String> environment = new HashMap<>();
		environment.put("JAVA_TOOL_OPTIONS", PRODUCTION_JVM_FLAGS);
		environment.put("SPRING_PROFILES_ACTIVE", "production");
		environment.put("SERVER_PORT", Integer.toString(this.settings.httpPort()));
		// the actuator's own port (8081 by default) would clash between two nodes on one
		// machine
		environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(this.managementPort));
		environment.put("SPRING_DATASOURCE_URL", this.settings.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USER);
		environment.put("SPRING_DATASOURCE_PASSWORD", "");
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.settings.kafkaBootstrapServers());
		environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", this.settings.jwkSetUri());
		environment.put("CAMUNDA_BPM_ADMIN_USER_ID", ADMIN_USER);
		environment.put("CAMUNDA_BPM_ADMIN_USER_PASSWORD", ADMIN_PASSWORD);
		environment.putAll(this.settings.extraEnvironment());
		this.process = ManagedProcess.start(this.settings.name(), command, environment, this.settings.runDirectory());
		this.process.awaitReady(this::ready, Duration.ofSeconds(180));
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.settings.httpPort();
	}

	public ManagedProcess process() {
		return this.process;
	}

	public void stop() {
		this.process.stop(Duration.ofSeconds(60));
	}

	public void kill() {
		this.process.kill();
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			stop();
		}
	}

	private boolean ready() {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("UP");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
