package net.port25.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.port25.bench.load.Events.Event;
import net.port25.bench.load.Latencies;
import net.port25.bench.load.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the engine did, against what the events imply: from PostgreSQL (each event applied
 * once, each request in the state the {@link Plan} gives it, one process per request, no
 * incidents, no stuck jobs, an empty outbox) and from the output topics read end to end
 * (each port command once, each change of state once), with the faults' resume times and
 * the flood's dead letters; and whether the targets are met.
 */
final class Verdict {

	private static final ObjectMapper json = new ObjectMapper();

	/**
	 * Resume targets, seconds: the 30 and 15 unless told otherwise
	 * ({@code -Dfaults.kill-resume-target}, {@code -Dfaults.database-resume-target}; CI
	 * allows more, since its box may be shared, so that only a gross regression of the
	 * time to resume fails it, while loss and duplication always do).
	 */
	static final double KILL_RESUME_TARGET = Double.parseDouble(System.getProperty("faults.kill-resume-target", "30"));

	static final double DATABASE_RESUME_TARGET = Double
		.parseDouble(System.getProperty("faults.database-resume-target", "15"));

	private final Plan plan;

	private final List<String> probeRefs;

	private final List<Event> floodGood;

	private final List<Map<String, Object>> faults;

	private final Flood.Result flood;

	private final long failedSends;

	private final Faults.Settings settings;

	private final Map<String, Object> numbers = new LinkedHashMap<>();

	private final List<String> failures = new ArrayList<>();

	Verdict(Plan plan, List<String> probeRefs, List<Event> floodGood, List<Map<String, Object>> faults,
			Flood.Result flood, long failedSends, Faults.Settings settings) {
		this.plan = plan;
		this.probeRefs = probeRefs;
		this.floodGood = floodGood;
		this.faults = faults;
		this.flood = flood;
		this.failedSends = failedSends;
		this.settings = settings;
	}

	void check(Database database, String bootstrapServers, List<Event> extraInventory) {
		// the events: every distinct good one applied once
		List<Event> good = new ArrayList<>();
		this.plan.unique.forEach(good::addAll);
		good.addAll(extraInventory);
		good.addAll(this.floodGood);
		long probeSubmissions = this.probeRefs.size();
		Set<String> claimed = database.claimedIds();
		long unclaimed = good.stream().map(Event::id).distinct().filter((id) -> !claimed.contains(id)).count();
		long expectedEffects = good.stream().map(Event::id).distinct().count() + probeSubmissions;

		// the requests: each in the state its events imply, with one process instance
		Map<String, String> expected = new LinkedHashMap<>(this.plan.expectedStatus());
		this.probeRefs.forEach((ref) -> expected.put(ref, "IN_REVIEW"));
		this.floodGood.forEach((event) -> expected.put(event.key(), "IN_REVIEW"));
		Map<String, String> status = database.requestStatus();
		Map<String, Long> processes = database.processInstancesByKey();
		long missingRequests = 0;
		long missingProcesses = 0;
		long processesTwice = 0;
		List<String> wrongStates = new ArrayList<>();
		for (Map.Entry<String, String> request : expected.entrySet()) {
			String actual = status.get(request.getKey());
			if (actual == null) {
				missingRequests++;
			}
			else if (!actual.equals(request.getValue())) {
				wrongStates.add(request.getKey() + " " + actual + " (expected " + request.getValue() + ")");
			}
			long instances = processes.getOrDefault(request.getKey(), 0L);
			if (instances == 0) {
				missingProcesses++;
			}
			processesTwice += Math.max(0, instances - 1);
		}
		long statusChangesTwice = database.statusChangesAppliedTwice();

		// the outputs, end to end
		Map<String, Set<String>> opens = new HashMap<>();
		Map<String, Set<String>> closes = new HashMap<>();
		Map<String, Set<String>> changes = new HashMap<>();
		long commandRecords = 0;
		for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(bootstrapServers,
				List.of(Topics.NETWORK_COMMANDS, Topics.ACCESS_CHANGES))) {
			JsonNode event = read(record.value());
			JsonNode data = event.path("data");
			String ref = data.path("requestRef").asText();
			switch (event.path("type").asText()) {
				case "port25.port.open" -> {
					commandRecords++;
					opens.computeIfAbsent(ref, (key) -> new HashSet<>()).add(data.path("commandId").asText());
				}
				case "port25.port.close" -> {
					commandRecords++;
					closes.computeIfAbsent(ref, (key) -> new HashSet<>()).add(data.path("commandId").asText());
				}
				case "port25.access.changed" ->
					changes
						.computeIfAbsent(
								ref + " " + data.path("previousStatus").asText() + ">" + data.path("status").asText(),
								(key) -> new HashSet<>())
						.add(event.path("id").asText());
				default -> {
				}
			}
		}
		long opensExpected = 0, closesExpected = 0, opensMissing = 0, closesMissing = 0, opensExtra = 0,
				closesExtra = 0;
		for (Plan.Request request : this.plan.requests) {
			int seenOpens = opens.getOrDefault(request.ref(), Set.of()).size();
			int seenCloses = closes.getOrDefault(request.ref(), Set.of()).size();
			opensExpected += request.kind().portOpens;
			closesExpected += request.kind().portCloses;
			opensMissing += Math.max(0, request.kind().portOpens - seenOpens);
			closesMissing += Math.max(0, request.kind().portCloses - seenCloses);
			opensExtra += Math.max(0, seenOpens - request.kind().portOpens);
			closesExtra += Math.max(0, seenCloses - request.kind().portCloses);
		}
		long commandIds = opens.values().stream().mapToLong(Set::size).sum()
				+ closes.values().stream().mapToLong(Set::size).sum();
		long changesTwice = changes.values().stream().mapToLong((ids) -> ids.size() - 1).sum();

		long lost = unclaimed + missingRequests + missingProcesses + opensMissing + closesMissing;
		long duplicated = processesTwice + statusChangesTwice + opensExtra + closesExtra + changesTwice;

		this.numbers.put("eventsSent", this.plan.sent());
		this.numbers.put("distinctEvents", this.plan.distinct());
		this.numbers.put("duplicatesSent", this.plan.sent() - this.plan.distinct());
		this.numbers.put("requests", this.plan.requests.size());
		this.numbers.put("requestsByKind",
				this.plan.requests.stream()
					.collect(Collectors.groupingBy((request) -> request.kind().name(), LinkedHashMap::new,
							Collectors.counting())));
		this.numbers.put("probeAndFloodEvents", extraInventory.size() + probeSubmissions + this.floodGood.size());
		this.numbers.put("sendsFailedAtProducer", this.failedSends);
		this.numbers.put("effectsExpected", expectedEffects);
		this.numbers.put("effectsSeen", expectedEffects - unclaimed);
		this.numbers.put("lost", lost);
		this.numbers.put("duplicated", duplicated);
		Map<String, Object> lostDetail = new LinkedHashMap<>();
		lostDetail.put("eventsNotApplied", unclaimed);
		lostDetail.put("requestsMissing", missingRequests);
		lostDetail.put("processInstancesMissing", missingProcesses);
		lostDetail.put("portOpensMissing", opensMissing);
		lostDetail.put("portClosesMissing", closesMissing);
		this.numbers.put("lostDetail", lostDetail);
		Map<String, Object> duplicatedDetail = new LinkedHashMap<>();
		duplicatedDetail.put("processInstancesTwice", processesTwice);
		duplicatedDetail.put("statusChangesAppliedTwice", statusChangesTwice);
		duplicatedDetail.put("portOpensExtra", opensExtra);
		duplicatedDetail.put("portClosesExtra", closesExtra);
		duplicatedDetail.put("accessChangesTwice", changesTwice);
		this.numbers.put("duplicatedDetail", duplicatedDetail);
		this.numbers.put("wrongStates", wrongStates.size());
		this.numbers.put("wrongStatesSample", wrongStates.stream().limit(20).toList());
		Map<String, Object> commands = new LinkedHashMap<>();
		commands.put("portOpensExpected", opensExpected);
		commands.put("portClosesExpected", closesExpected);
		commands.put("distinctCommandIds", commandIds);
		commands.put("records", commandRecords);
		commands.put("repeatedRecordsOfTheSameCommand", commandRecords - commandIds);
		this.numbers.put("networkCommands", commands);
		Map<String, Object> health = database.engineHealth();
		this.numbers.put("engine", health);
		this.numbers.put("faults", faultSummary());
		this.numbers.put("faultLog", this.faults);
		this.numbers.put("badInput", this.flood.numbers());

		require(lost == 0, "lost " + lost + " " + lostDetail);
		require(duplicated == 0, "duplicated " + duplicated + " " + duplicatedDetail);
		require(wrongStates.isEmpty(),
				wrongStates.size() + " requests in the wrong state, e.g. " + wrongStates.stream().limit(5).toList());
		health.forEach((name, value) -> require(((Number) value).longValue() == 0, name + " " + value));
		require(this.flood.deadLettered() == this.flood.badSent(),
				(this.flood.badSent() - this.flood.deadLettered()) + " bad records not dead-lettered");
		require(this.flood.withoutReason() == 0, this.flood.withoutReason() + " dead letters without a reason");
		require(this.flood.goodMissing() == 0, this.flood.goodMissing() + " good events of the flood not applied");
		int kills = count("engine-kill") + count("takeover");
		require(kills >= this.settings.engineKills(), "only " + kills + " engine kills");
		require(count("broker-kill") >= this.settings.brokerKills(), "broker kills missing");
		require(count("database-restart") >= this.settings.databaseRestarts(), "database restarts missing");
		requireResume("engine-kill", KILL_RESUME_TARGET);
		requireResume("takeover", KILL_RESUME_TARGET);
		requireResume("database-restart", DATABASE_RESUME_TARGET);
		requireResume("broker-kill", Double.MAX_VALUE);
		this.numbers.put("passed", this.failures.isEmpty());
		this.numbers.put("failures", this.failures);
	}

	private Map<String, Object> faultSummary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("engineKills", count("engine-kill") + count("takeover"));
		summary.put("brokerKills", count("broker-kill"));
		summary.put("databaseRestarts", count("database-restart"));
		Map<String, Object> resume = new LinkedHashMap<>();
		for (String type : List.of("engine-kill", "takeover", "broker-kill", "database-restart")) {
			Latencies seconds = new Latencies();
			long unanswered = 0;
			for (Map<String, Object> fault : of(type)) {
				Object value = fault.get("resumeSeconds");
				if (value == null) {
					unanswered++;
				}
				else {
					seconds.add(Math.round(((Number) value).doubleValue() * 1000));
				}
			}
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("count", of(type).size());
			Map<String, Long> millis = seconds.summary();
			line.put("p50Seconds", millis.isEmpty() ? null : millis.get("p50") / 1000.0);
			line.put("maxSeconds", millis.isEmpty() ? null : millis.get("max") / 1000.0);
			line.put("notResumed", unanswered);
			resume.put(type, line);
		}
		summary.put("resume", resume);
		summary.put("resumeMeans", "engine kill and takeover: from the SIGKILL; broker and database: from the "
				+ "restart; until a probe request on every partition of port25.requests is IN_REVIEW");
		return summary;
	}

	private void requireResume(String type, double targetSeconds) {
		for (Map<String, Object> fault : of(type)) {
			Object value = fault.get("resumeSeconds");
			require(value != null, type + " at " + fault.get("at") + ": the engine did not resume");
			if (value != null && targetSeconds != Double.MAX_VALUE) {
				require(((Number) value).doubleValue() < targetSeconds, type + " at " + fault.get("at")
						+ ": resumed after " + value + " s (target " + targetSeconds + " s)");
			}
		}
	}

	private List<Map<String, Object>> of(String type) {
		return this.faults.stream().filter((fault) -> type.equals(fault.get("type"))).toList();
	}

	private int count(String type) {
		return of(type).size();
	}

	private void require(boolean condition, String failure) {
		if (!condition) {
			this.failures.add(failure);
		}
	}

	boolean passed() {
		return this.failures.isEmpty();
	}

	Map<String, Object> numbers() {
		return this.numbers;
	}

	String summary() {
		Map<String, Object> faults = faultSummary();
		StringBuilder text = new StringBuilder("\nFault suite\n");
		for (String key : List.of("eventsSent", "distinctEvents", "duplicatesSent", "effectsExpected", "effectsSeen",
				"lost", "duplicated", "wrongStates")) {
			text.append(String.format("  %-22s %s%n", key, this.numbers.get(key)));
		}
		text.append(String.format("  %-22s %s%n", "deadLettered",
				this.flood.deadLettered() + " of " + this.flood.badSent() + " bad records"));
		text.append(String.format("  %-22s %s%n", "goodLatencyInFloodMs", this.flood.latencies()));
		text.append(String.format("  %-22s %s%n", "engine", this.numbers.get("engine")));
		text.append(String.format("  %-22s kills %s, broker %s, database %s%n", "faults", faults.get("engineKills"),
				faults.get("brokerKills"), faults.get("databaseRestarts")));
		text.append(String.format("  %-22s %s%n", "resume", faults.get("resume")));
		text.append(this.failures.isEmpty() ? "  PASSED\n" : "  FAILED: " + this.failures + "\n");
		return text.toString();
	}

	private static JsonNode read(byte[] value) {
		try {
			return json.readTree(value);
		}
		catch (IOException ex) {
			return json.createObjectNode();
		}
	}

	static long size(Collection<?> values) {
		return values.size();
	}

}
