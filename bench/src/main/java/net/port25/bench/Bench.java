package net.port25.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.port25.bench.baseline.CamundaEngineBaseline;
import net.port25.bench.baseline.PlainConsumerBaseline;
import net.port25.bench.launch.CpuUsage;
import net.port25.bench.launch.EngineNode;
import net.port25.bench.launch.KafkaBroker;
import net.port25.bench.launch.LocalJwks;
import net.port25.bench.launch.Ports;
import net.port25.bench.launch.PostgresServer;
import net.port25.bench.launch.StatementStatistics;
import net.port25.bench.load.Lag;
import net.port25.bench.load.Outputs;
import net.port25.bench.load.Staff;
import net.port25.bench.load.Traffic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The benchmark ({@code bench/run}): PostgreSQL, a Kafka broker and the engine as
 * separate processes on free loopback ports, the baselines on the same servers, then the
 * scenarios; prints a table and writes {@code bench/results/<date>.json}. Settings are
 * system properties ({@code -Dbench.steps=...}, see bench/README.md).
 */
public final class Bench {

	private static final String DATABASE = "port25";

	private final Map<String, Object> results = new LinkedHashMap<>();

	private final Settings settings = Settings.fromSystemProperties();

	private final List<EngineNode> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();

	public static void main(String[] args) throws Exception {
		new Bench().run();
		System.exit(0);
	}

	private void run() throws Exception {
		Path runDirectory = this.settings.root().resolve("bench/target/run");
		this.results.put("startedAt", OffsetDateTime.now().toString());
		this.results.put("machine", Machine.describe());
		this.results.put("settings", this.settings.asMap());
		Files.createDirectories(runDirectory);
		cleanData(runDirectory);
		long started = System.nanoTime();
		try (PostgresServer postgres = PostgresServer.start(runDirectory, Ports.free());
				KafkaBroker kafka = KafkaBroker.start(runDirectory, Ports.free(), Ports.free());
				LocalJwks jwks = LocalJwks.start()) {
			log("PostgreSQL on %d, Kafka on %s", postgres.port(), kafka.bootstrapServers());
			postgres.createDatabase(DATABASE);
			postgres.createDatabase("baseline");
			if (this.settings.baselines()) {
				baselines(postgres, kafka);
			}
			engine(runDirectory, postgres, kafka, jwks);
		}
		this.results.put("totalSeconds", Scenarios.seconds(started));
		this.results.put("loadAverageAtEnd", Machine.loadAverage());
		Report report = new Report(this.results);
		System.out.println(report.table());
		Path file = this.settings.root().resolve("bench/results/" + LocalDate.now() + ".json");
		Files.createDirectories(file.getParent());
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this.results);
		log("results written to %s", this.settings.root().relativize(file));
	}

	private void baselines(PostgresServer postgres, KafkaBroker kafka) throws Exception {
		log("baseline (a): plain consumer, %d records", this.settings.baselineRecords());
		double plain = PlainConsumerBaseline.run(kafka.bootstrapServers(), postgres.jdbcUrl("baseline"),
				PostgresServer.USER, this.settings.baselineRecords());
		log("baseline (a): %.0f records/s", plain);
		this.results.put("baselinePlainConsumerPerSecond", Scenarios.round(plain));
		log("baseline (b): Camunda engine alone, history %s", this.settings.historyLevel());
		try (CamundaEngineBaseline camunda = new CamundaEngineBaseline(postgres.jdbcUrl("baseline"),
				PostgresServer.USER, this.settings.historyLevel())) {
			CamundaEngineBaseline.Rates rates = camunda.measure(this.settings.baselineInstances(), 2);
			log("baseline (b): %s", rates);
			Map<String, Object> engine = new LinkedHashMap<>();
			engine.put("historyLevel", this.settings.historyLevel());
			engine.put("startsToUserTaskPerSecondOneThread", Scenarios.round(rates.startsPerSecondOneThread()));
			engine.put("startsToUserTaskPerSecond", Scenarios.round(rates.startsPerSecond()));
			engine.put("correlationsPerSecond", Scenarios.round(rates.correlationsPerSecond()));
			engine.put("threads", rates.threads());
			this.results.put("baselineCamunda", engine);
		}
	}

	private void engine(Path runDirectory, PostgresServer postgres, KafkaBroker kafka, LocalJwks jwks)
			throws Exception {
		List<String> flags = new ArrayList<>(this.settings.engineFlags());
		if (this.settings.jfr()) {
			flags.add("-XX:StartFlightRecording=filename=" + runDirectory.resolve("engine-1.jfr")
					+ ",settings=profile,dumponexit=true");
		}
		log("starting engine node 1 (java %s -jar %s)", String.join(" ", flags), this.settings.jar());
		try (EngineNode node = started(
				EngineNode.start(nodeSettings("engine-1", runDirectory, postgres, kafka, jwks, flags)));
				Traffic traffic = new Traffic(kafka.bootstrapServers());
				Outputs outputs = new Outputs(kafka.bootstrapServers());
				Lag lag = new Lag(kafka.bootstrapServers())) {
			CpuUsage cpu = new CpuUsage().track("engine", this::engineProcesses)
				.track("postgres", () -> List.of(postgres.process()))
				.track("kafka", () -> List.of(kafka.process()));
			Scenarios scenarios = new Scenarios(traffic, outputs, lag, cpu,
					new StatementStatistics(postgres, DATABASE));
			Staff staff = new Staff(node.baseUrl(), EngineNode.ADMIN_USER, EngineNode.ADMIN_PASSWORD);
			int revocations = (int) (10 * this.settings.revocationSeconds());
			int enabled = revocations + this.settings.stormEvents() / 100 + 10;
			log("preparing %d enabled cMetal services (also the engine's warm-up)", enabled);
			this.results.put("preparation", scenarios.prepareEnabledServices(enabled, staff));
			if (this.settings.warmUpSeconds() > 0) {
				// the JIT compiles the engine's paths for minutes: measured at once, the
				// drain and the first steps share the CPU with the compiler threads
				log("warm-up: mixed load at %.0f events/s for %d s (not measured)", this.settings.warmUpRate(),
						this.settings.warmUpSeconds());
				this.results.put("warmUp",
						scenarios.mixed(this.settings.warmUpRate(), Duration.ofSeconds(this.settings.warmUpSeconds())));
			}
			log("drain: %d complete requests at once", this.settings.drainRequests());
			this.results.put("drain", scenarios.drain(this.settings.drainRequests()));
			log("%s", this.results.get("drain"));
			double sustainable = mixedSteps("mixed", scenarios, this.settings.steps());
			this.results.put("sustainablePerSecond", sustainable);
			// a fixed background compares two builds at the same load when their
			// sustainable rates differ by a step
			double background = (this.settings.revocationBackground() > 0) ? this.settings.revocationBackground()
					: Math.max(5, Math.round(sustainable / 2));
			log("revocation: 10/s critical abuse on top of %.0f/s mixed", background);
			this.results.put("revocation",
					scenarios.revocation(background, 10, Duration.ofSeconds(this.settings.revocationSeconds())));
			log("%s", this.results.get("revocation"));
			log("storm: %d abuse events within 10 s", this.settings.stormEvents());
			this.results.put("storm", scenarios.storm(this.settings.stormEvents(), Duration.ofSeconds(10)));
			log("%s", this.results.get("storm"));
			if (this.settings.twoNodes()) {
				twoNodes(runDirectory, postgres, kafka, jwks, scenarios, sustainable, lag);
			}
			this.results.put("outcomesAppliedTwice", scenarios.appliedTwice());
			this.results.put("database", databaseChecks(postgres));
		}
	}

	private void twoNodes(Path runDirectory, PostgresServer postgres, KafkaBroker kafka, LocalJwks jwks,
			Scenarios scenarios, double sustainable, Lag lag) throws Exception {
		log("starting engine node 2");
		try (EngineNode second = EngineNode
			.start(nodeSettings("engine-2", runDirectory, postgres, kafka, jwks, this.settings.engineFlags()))) {
			// the group rebalances onto both nodes
			Thread.sleep(5000);
			lag.awaitZero(Duration.ofSeconds(30));
			List<Double> steps = new ArrayList<>();
			double base = Math.max(sustainable, this.settings.steps().get(0));
			for (double factor : new double[] { 1.6, 2.0 }) {
				steps.add((double) Math.round(base * factor / 10) * 10);
			}
			double combined = mixedSteps("twoNodes", scenarios, steps);
			this.results.put("twoNodesSustainablePerSecond", combined);
		}
	}

	/**
	 * Runs the steps up to the first that cannot be sustained; returns the highest that
	 * could.
	 */
	private double mixedSteps(String name, Scenarios scenarios, List<Double> steps) {
		List<Map<String, Object>> results = new ArrayList<>();
		this.results.put(name, results);
		double sustainable = 0;
		for (double rate : steps) {
			log("%s: %.0f events/s for %d s", name, rate, this.settings.stepSeconds());
			Map<String, Object> step = scenarios.mixed(rate, Duration.ofSeconds(this.settings.stepSeconds()));
			log("%s", step);
			results.add(step);
			if (!Boolean.TRUE.equals(step.get("lagFlat"))) {
				break;
			}
			sustainable = rate;
		}
		return sustainable;
	}

	private EngineNode started(EngineNode node) {
		this.nodes.add(node);
		return node;
	}

	private List<net.port25.bench.launch.ManagedProcess> engineProcesses() {
		return this.nodes.stream()
			.map(EngineNode::process)
			.filter(net.port25.bench.launch.ManagedProcess::isAlive)
			.toList();
	}

	private EngineNode.Settings nodeSettings(String name, Path runDirectory, PostgresServer postgres, KafkaBroker kafka,
			LocalJwks jwks, List<String> flags) {
		return new EngineNode.Settings(name, this.settings.jar(), runDirectory, Ports.free(),
				postgres.jdbcUrl(DATABASE), kafka.bootstrapServers(), jwks.uri(), flags, Map.of());
	}

	/**
	 * Each event id applied once: no source event changed a request's state twice, no
	 * request ran twice.
	 */
	private Map<String, Object> databaseChecks(PostgresServer postgres) throws Exception {
		Map<String, Object> checks = new LinkedHashMap<>();
		try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
			checks.put("statusChangesAppliedTwice", count(statement, """
					select count(*) from (select 1 from audit_entry where action = 'STATUS_CHANGED'
					group by request_ref, source_event_id, to_status having count(*) > 1) twice"""));
			checks.put("requestsStartedTwice", count(statement,
					"""
							select count(*) from (select 1 from act_hi_procinst group by business_key_ having count(*) > 1) twice"""));
			checks.put("processedEvents", count(statement, "select count(*) from processed_event"));
			checks.put("outboxPending",
					count(statement, "select count(*) from outbox_event where published_at is null"));
		}
		return checks;
	}

	private static long count(Statement statement, String sql) throws Exception {
		try (ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	private static void cleanData(Path runDirectory) throws IOException {
		for (String name : List.of("postgres", "kafka", "engine-1", "engine-2")) {
			net.port25.bench.launch.ManagedProcess.killLeftover(name, runDirectory);
		}
		for (String data : List.of("postgres-data", "kafka-data")) {
			Path directory = runDirectory.resolve(data);
			if (Files.exists(directory)) {
				try (var files = Files.walk(directory)) {
					files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
		}
		try (var logs = Files.list(runDirectory)) {
			logs.filter((path) -> path.toString().endsWith(".log")).forEach((path) -> path.toFile().delete());
		}
	}

	static void log(String format, Object... arguments) {
		System.out.printf("%tT  %s%n", System.currentTimeMillis(), String.format(format, arguments));
	}

	/** The benchmark's settings, from system properties with the defaults. */
	record Settings(Path root, Path jar, List<Double> steps, int stepSeconds, int revocationSeconds, int stormEvents,
			int drainRequests, int baselineRecords, int baselineInstances, boolean baselines, boolean twoNodes,
			boolean jfr, String historyLevel, List<String> engineFlags, int warmUpSeconds, double warmUpRate,
			double revocationBackground) {

		static Settings fromSystemProperties() {
			Path root = Path.of(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
			return new Settings(root,
					Path.of(System.getProperty("bench.jar",
							root.resolve("target/port25-workflow-0.1.0-SNAPSHOT.jar").toString())),
					Arrays.stream(System.getProperty("bench.steps", "50,100,150,200,250,300,400").split(","))
						.map(String::trim)
						.map(Double::valueOf)
						.toList(),
					Integer.getInteger("bench.step-seconds", 60), Integer.getInteger("bench.revocation-seconds", 60),
					Integer.getInteger("bench.storm-events", 20_000), Integer.getInteger("bench.drain-requests", 2000),
					Integer.getInteger("bench.baseline-records", 10_000),
					Integer.getInteger("bench.baseline-instances", 4000),
					Boolean.parseBoolean(System.getProperty("bench.baselines", "true")),
					Boolean.parseBoolean(System.getProperty("bench.two-nodes", "true")),
					Boolean.parseBoolean(System.getProperty("bench.jfr", "false")),
					System.getProperty("bench.history-level", "activity"),
					Arrays.stream(System.getProperty("bench.engine-flags", "").split(" "))
						.filter((flag) -> !flag.isBlank())
						.toList(),
					Integer.getInteger("bench.warm-up-seconds", 60),
					Double.parseDouble(System.getProperty("bench.warm-up-rate", "50")),
					Double.parseDouble(System.getProperty("bench.revocation-background", "0")));
		}

		Map<String, Object> asMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("jar", this.root.relativize(this.jar.toAbsolutePath()).toString());
			map.put("steps", this.steps);
			map.put("stepSeconds", this.stepSeconds);
			map.put("revocationSeconds", this.revocationSeconds);
			map.put("revocationBackground",
					(this.revocationBackground > 0) ? this.revocationBackground : "half the sustainable rate");
			map.put("stormEvents", this.stormEvents);
			map.put("drainRequests", this.drainRequests);
			map.put("warmUpSeconds", this.warmUpSeconds);
			map.put("warmUpRate", this.warmUpRate);
			map.put("baselineRecords", this.baselineRecords);
			map.put("baselineInstances", this.baselineInstances);
			map.put("twoNodes", this.twoNodes);
			map.put("historyLevel", this.historyLevel);
			map.put("engineJvmFlags", EngineNode.PRODUCTION_JVM_FLAGS + " (JAVA_TOOL_OPTIONS)"
					+ (this.engineFlags.isEmpty() ? "" : " " + String.join(" ", this.engineFlags)));
			return map;
		}

	}

}
