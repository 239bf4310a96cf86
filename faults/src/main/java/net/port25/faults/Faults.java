package net.port25.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.port25.bench.launch.EngineNode;
import net.port25.bench.launch.KafkaBroker;
import net.port25.bench.launch.LocalJwks;
import net.port25.bench.launch.ManagedProcess;
import net.port25.bench.launch.Ports;
import net.port25.bench.launch.PostgresServer;
import net.port25.bench.load.Events;
import net.port25.bench.load.Events.Event;
import net.port25.bench.load.Outputs;
import net.port25.bench.load.Traffic;

/**
 * The fault suite ({@code faults/run}): PostgreSQL, a Kafka broker and two engine nodes
 * as separate processes; the {@link Plan}'s traffic while the {@link FaultInjector} kills
 * and restarts them; a flood of {@link BadInput}; then the {@link Verdict} on what the
 * engine did, printed and written to {@code faults/results/<date>.json}. Exits with 1 if
 * a target is missed. Settings are system properties ({@code -Dfaults.events=...}, see
 * faults/README.md).
 */
public final class Faults {

	private static final String DATABASE = "port25";

	/** Request numbers: the traffic's, the probes', the flood's good and bad ones. */
	private static final long TRAFFIC = 1, PROBES = 5_000_000, FLOOD = 6_000_000, BAD = 7_000_000;

	private static final int PARTITIONS = 6;

	private final Settings settings = Settings.fromSystemProperties();

	private final Map<String, Object> results = new LinkedHashMap<>();

	private final Random random = new Random(this.settings.seed());

	private CompletableFuture<Void> faults = CompletableFuture.completedFuture(null);

	public static void main(String[] args) throws Exception {
		boolean passed = new Faults().run();
		System.exit(passed ? 0 : 1);
	}

	private boolean run() throws Exception {
		Path runDirectory = this.settings.root().resolve("faults/target/run");
		this.results.put("startedAt", OffsetDateTime.now().toString());
		this.results.put("commit", System.getProperty("faults.commit", "unknown"));
		this.results.put("machine", net.port25.bench.Machine.describe());
		this.results.put("settings", this.settings.asMap());
		Files.createDirectories(runDirectory);
		cleanData(runDirectory);
		long started = System.nanoTime();
		Verdict verdict;
		try (PostgresServer postgres = PostgresServer.start(runDirectory, Ports.free());
				KafkaBroker kafka = KafkaBroker.start(runDirectory, Ports.free(), Ports.free());
				LocalJwks jwks = LocalJwks.start()) {
			log("PostgreSQL on %d, Kafka on %s", postgres.port(), kafka.bootstrapServers());
			postgres.createDatabase(DATABASE);
			List<EngineNode> nodes = new ArrayList<>();
			int count = this.settings.twoNodes() ? 2 : 1;
			for (int i = 1; i <= count; i++) {
				log("starting engine node %d", i);
				nodes.add(EngineNode.start(new EngineNode.Settings("engine-" + i, this.settings.jar(), runDirectory,
						Ports.free(), postgres.jdbcUrl(DATABASE), kafka.bootstrapServers(), jwks.uri(),
						this.settings.engineFlags(), Map.of())));
			}
			Cluster cluster = new Cluster(postgres, kafka, nodes);
			try (Traffic traffic = new Traffic(kafka.bootstrapServers());
					Outputs outputs = new Outputs(kafka.bootstrapServers())) {
				verdict = traffic(cluster, traffic, outputs, new Database(postgres, DATABASE));
			}
			finally {
				nodes.forEach(EngineNode::close);
			}
		}
		this.results.put("totalSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
		this.results.put("loadAverageAtEnd", net.port25.bench.Machine.loadAverage());
		System.out.println(verdict.summary());
		Path file = this.settings.root()
			.resolve(System.getProperty("faults.results-directory", "faults/results"))
			.resolve(LocalDate.now() + (this.settings.name().isEmpty() ? "" : "-" + this.settings.name()) + ".json");
		Files.createDirectories(file.getParent());
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this.results);
		log("results written to %s", this.settings.root().relativize(file));
		return verdict.passed();
	}

	private Verdict traffic(Cluster cluster, Traffic traffic, Outputs outputs, Database database) {
		Plan plan = Plan.of(this.settings.events(), TRAFFIC, 0.1, this.random);
		int probeCount = PARTITIONS
				* (this.settings.engineKills() + this.settings.brokerKills() + this.settings.databaseRestarts() + 2);
		Probes probes = new Probes(traffic, outputs, PARTITIONS, PROBES, probeCount);
		List<Event> flood = new ArrayList<>();
		for (long n = FLOOD; n < FLOOD + this.settings.floodGood(); n++) {
			flood.add(Events.completeRequest(n));
		}
		List<Event> extraInventory = new ArrayList<>(Probes.inventory(PROBES, probeCount));
		for (long n = FLOOD; n < FLOOD + this.settings.floodGood(); n++) {
			extraInventory.add(Events.serviceActive(n));
		}
		log("plan: %d records (%d distinct events, %d requests); inventory of %d probe and flood services", plan.sent(),
				plan.distinct(), plan.requests.size(), extraInventory.size());
		extraInventory.forEach(traffic::send);
		send("inventory", plan.phases.get(Plan.INVENTORY), traffic, Double.MAX_VALUE);
		quiet("inventory", database, join(plan.unique.get(Plan.INVENTORY), extraInventory));

		List<FaultInjector.Type> schedule = FaultInjector.schedule(this.settings.engineKills(),
				this.settings.brokerKills(), this.settings.databaseRestarts(), this.settings.twoNodes(), this.random);
		log("faults: %s", schedule);
		FaultInjector injector = new FaultInjector(cluster, probes, schedule,
				Duration.ofSeconds(this.settings.minGapSeconds()), Duration.ofSeconds(this.settings.maxGapSeconds()),
				this.random);
		StaffDesk staff = new StaffDesk(cluster::baseUrls, EngineNode.ADMIN_USER, EngineNode.ADMIN_PASSWORD);
		long trafficStarted = System.nanoTime();
		this.faults = injector.start();
		send("submissions", plan.phases.get(Plan.SUBMISSIONS), traffic, this.settings.rate());
		quiet("submissions", database, plan.unique.get(Plan.SUBMISSIONS));
		log("staff approve %d reviews", plan.refsToApprove().size());
		this.results.put("approvedByStaff", staff.approve(plan.refsToApprove(), Duration.ofMinutes(10)));
		send("answers", plan.phases.get(Plan.ANSWERS), traffic, this.settings.rate());
		quiet("answers", database, plan.unique.get(Plan.ANSWERS));
		log("the NOC opens %d ports", plan.refsToOpen().size());
		this.results.put("openedByStaff", staff.openPorts(plan.refsToOpen(), Duration.ofMinutes(10)));
		send("endings", plan.phases.get(Plan.ENDINGS), traffic, this.settings.rate());
		quiet("endings", database, plan.unique.get(Plan.ENDINGS));
		log("traffic sent and applied in %.0f s; waiting for the remaining faults", seconds(trafficStarted));
		this.faults.join();
		this.results.put("trafficSeconds", seconds(trafficStarted));

		Flood.Result floodResult = new Flood(traffic, outputs, cluster.kafka().bootstrapServers()).run(
				BadInput.generate(this.settings.root().resolve("../shared/contract/examples/bad"), BAD,
						this.settings.truncated(), this.settings.large(), this.settings.randomStrings(), this.random),
				flood, this.settings.floodGoodRate());
		quiet("flood", database, floodResult.goodSent());
		awaitOutbox(database);
		Verdict verdict = new Verdict(plan, probes.refs(), floodResult.goodSent(), injector.done(), floodResult,
				traffic.failedSends(), this.settings);
		verdict.check(database, cluster.kafka().bootstrapServers(), join(extraInventory));
		this.results.putAll(verdict.numbers());
		return verdict;
	}

	private void send(String phase, List<Event> events, Traffic traffic, double rate) {
		log("%s: %d records at %s/s", phase, events.size(), rate == Double.MAX_VALUE ? "full speed" : rate);
		if (rate == Double.MAX_VALUE) {
			events.forEach(traffic::send);
			traffic.flush();
			return;
		}
		traffic.sendAtRate(rate, Duration.ofMillis((long) Math.ceil(events.size() * 1000.0 / rate) + 1000), (i) -> {
			if (i < events.size()) {
				traffic.send(events.get((int) i));
			}
		});
	}

	private void quiet(String phase, Database database, Collection<Event> events) {
		long started = System.nanoTime();
		long missing = database.awaitClaimed(events, Duration.ofSeconds(180 + events.size() / 10),
				this.faults::isCompletedExceptionally);
		log("%s: applied in %.0f s%s", phase, seconds(started),
				missing == 0 ? "" : "; " + missing + " events still not applied");
	}

	private static void awaitOutbox(Database database) {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (database.outboxPending() > 0 && System.nanoTime() < deadline) {
			ManagedProcess.sleep(Duration.ofSeconds(1));
		}
		// the relay marks a row published once the broker has it: give the consumer a
		// moment
		ManagedProcess.sleep(Duration.ofSeconds(3));
	}

	@SafeVarargs
	private static List<Event> join(Collection<Event>... parts) {
		List<Event> all = new ArrayList<>();
		for (Collection<Event> part : parts) {
			all.addAll(part);
		}
		return all;
	}

	private static void cleanData(Path runDirectory) throws IOException {
		for (String name : List.of("postgres", "kafka", "engine-1", "engine-2")) {
			ManagedProcess.killLeftover(name, runDirectory);
		}
		if (Files.exists(runDirectory)) {
			try (var files = Files.walk(runDirectory)) {
				files.sorted(java.util.Comparator.reverseOrder())
					.filter((path) -> !path.equals(runDirectory))
					.forEach((path) -> path.toFile().delete());
			}
		}
	}

	static double seconds(long startedNanos) {
		return Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0;
	}

	static void log(String format, Object... arguments) {
		System.out.printf("%tT  %s%n", System.currentTimeMillis(), String.format(format, arguments));
	}

	/** The suite's settings, from system properties with the defaults. */
	record Settings(Path root, Path jar, String name, int events, int engineKills, int brokerKills,
			int databaseRestarts, boolean twoNodes, double rate, int minGapSeconds, int maxGapSeconds, int truncated,
			int large, int randomStrings, int floodGood, double floodGoodRate, long seed, List<String> engineFlags) {

		static Settings fromSystemProperties() {
			Path root = Path.of(System.getProperty("faults.root", "..")).toAbsolutePath().normalize();
			return new Settings(root,
					Path.of(System.getProperty("faults.jar",
							root.resolve("target/port25-workflow-0.1.0-SNAPSHOT.jar").toString())),
					System.getProperty("faults.name", ""), Integer.getInteger("faults.events", 20_000),
					Integer.getInteger("faults.engine-kills", 10), Integer.getInteger("faults.broker-kills", 2),
					Integer.getInteger("faults.database-restarts", 2),
					Boolean.parseBoolean(System.getProperty("faults.two-nodes", "true")),
					Double.parseDouble(System.getProperty("faults.rate", "35")),
					Integer.getInteger("faults.min-gap-seconds", 10), Integer.getInteger("faults.max-gap-seconds", 40),
					Integer.getInteger("faults.truncated", 500), Integer.getInteger("faults.large", 20),
					Integer.getInteger("faults.random-strings", 10_000), Integer.getInteger("faults.flood-good", 600),
					Double.parseDouble(System.getProperty("faults.flood-good-rate", "20")),
					Long.getLong("faults.seed", System.currentTimeMillis()),
					java.util.Arrays.stream(System.getProperty("faults.engine-flags", "").split(" "))
						.filter((flag) -> !flag.isBlank())
						.toList());
		}

		Map<String, Object> asMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("events", this.events);
			map.put("engineKills", this.engineKills);
			map.put("brokerKills", this.brokerKills);
			map.put("databaseRestarts", this.databaseRestarts);
			map.put("twoNodes", this.twoNodes);
			map.put("ratePerSecond", this.rate);
			map.put("gapBetweenFaultsSeconds", List.of(this.minGapSeconds, this.maxGapSeconds));
			map.put("badTruncated", this.truncated);
			map.put("badLarge", this.large);
			map.put("badRandomStrings", this.randomStrings);
			map.put("floodGoodEvents", this.floodGood);
			map.put("floodGoodPerSecond", this.floodGoodRate);
			map.put("seed", this.seed);
			map.put("engineJvmFlags", EngineNode.PRODUCTION_JVM_FLAGS + " (JAVA_TOOL_OPTIONS)"
					+ (this.engineFlags.isEmpty() ? "" : " " + String.join(" ", this.engineFlags)));
			return map;
		}

	}

}
