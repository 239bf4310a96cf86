package net.port25.bench;

import java.util.List;
import java.util.Map;

/**
 * The results as a Markdown table (printed, and pasted into the README): each number, its
 * target and its ratio to the baselines.
 */
final class Report {

	private final Map<String, Object> results;

	private final StringBuilder table = new StringBuilder();

	Report(Map<String, Object> results) {
		this.results = results;
	}

	@SuppressWarnings("unchecked")
	String table() {
		Map<String, Object> machine = map("machine");
		this.table.append("Machine: ")
			.append(machine.get("cpu"))
			.append(", ")
			.append(machine.get("cores"))
			.append(" cores, ")
			.append(machine.get("memory"))
			.append(", ")
			.append(machine.get("os"))
			.append(", ")
			.append(machine.get("java"))
			.append("; load average at start ")
			.append(machine.get("loadAverageAtStart"))
			.append(", at end ")
			.append(this.results.get("loadAverageAtEnd"))
			.append("; commit ")
			.append(machine.get("commit"))
			.append("; whole run ")
			.append(this.results.get("totalSeconds"))
			.append(" s\n\n");
		row("what", "measured", "target", "ratio to baselines");
		row("---", "---", "---", "---");
		double plain = number(this.results.get("baselinePlainConsumerPerSecond"));
		Map<String, Object> camunda = map("baselineCamunda");
		double starts = number(camunda.get("startsToUserTaskPerSecond"));
		// a run with -Dbench.baselines=false has none to show
		if (plain > 0) {
			row("baseline (a): plain consumer (read, INSERT+COMMIT, produce acks=all, commit offset), 1 thread",
					perSecond(plain), "", "");
			row("baseline (b): Camunda alone, message start to user task (history " + camunda.get("historyLevel") + ")",
					perSecond(starts) + " on " + camunda.get("threads") + " threads, "
							+ perSecond(number(camunda.get("startsToUserTaskPerSecondOneThread"))) + " on 1",
					"", "");
			row("baseline (b): Camunda alone, message correlation",
					perSecond(number(camunda.get("correlationsPerSecond"))) + " on " + camunda.get("threads")
							+ " threads",
					"", "");
		}
		Map<String, Object> drain = map("drain");
		double drained = number(drain.get("perSecond"));
		row("drain: " + drain.get("requests") + " complete requests at once, to IN_REVIEW", perSecond(drained),
				"≥ 0.15 × (a), ≥ 0.4 × (b)", ratio(drained, plain, "a") + ", " + ratio(drained, starts, "b"));
		for (Map<String, Object> step : (List<Map<String, Object>>) this.results.get("mixed")) {
			mixedRow("mixed", step);
		}
		double sustainable = number(this.results.get("sustainablePerSecond"));
		row("**mixed sustainable rate** (highest step with flat lag)", perSecond(sustainable), "≥ 250/s",
				ratio(sustainable, plain, "a") + ", " + ratio(sustainable, starts, "b"));
		Map<String, Object> revocation = map("revocation");
		row("**revocation**: critical abuse at " + format(number(revocation.get("abusePerSecond"))) + "/s on "
				+ format(number(revocation.get("backgroundPerSecond"))) + "/s mixed, abuse to port.close",
				latencies(revocation.get("latencyMs"), "p50", "p99", "p99.9", "max"), "p99 ≤ 50 ms", "");
		Map<String, Object> storm = map("storm");
		double stormRate = number(storm.get("drainedPerSecond"));
		row("**storm**: " + storm.get("events") + " abuse events in " + storm.get("sentInSeconds")
				+ " s (1% critical for enabled services)",
				"drained in " + storm.get("drainedInSeconds") + " s (" + perSecond(stormRate) + "), revocations "
						+ latencies(storm.get("latencyMs"), "p50", "p99", "max"),
				"≤ 30 s, p99 ≤ 250 ms", ratio(stormRate, plain, "a"));
		if (this.results.containsKey("twoNodes")) {
			for (Map<String, Object> step : (List<Map<String, Object>>) this.results.get("twoNodes")) {
				mixedRow("two nodes", step);
			}
			double two = number(this.results.get("twoNodesSustainablePerSecond"));
			row("**two nodes** sustainable rate", perSecond(two), "≥ 1.6 × one",
					(sustainable > 0 ? format(two / sustainable) + " × one" : "") + "");
		}
		Map<String, Object> database = map("database");
		row("each event applied once",
				"outcomes twice: " + this.results.get("outcomesAppliedTwice") + ", state changes twice: "
						+ database.get("statusChangesAppliedTwice") + ", requests started twice: "
						+ database.get("requestsStartedTwice"),
				"0", "");
		return this.table.toString();
	}

	private void mixedRow(String name, Map<String, Object> step) {
		String measured = perSecond(number(step.get("achievedPerSecond"))) + " achieved, lag at end "
				+ step.get("lagAtEnd") + (Boolean.TRUE.equals(step.get("stoppedEarly")) ? " (stopped early)" : "")
				+ ", " + latencies(step.get("latencyMs"), "p50", "p95", "p99");
		row(name + " step " + format(number(step.get("offeredPerSecond"))) + "/s for " + step.get("seconds") + " s",
				measured, Boolean.TRUE.equals(step.get("lagFlat")) ? "lag flat" : "**lag grows**", "");
	}

	private void row(String... cells) {
		this.table.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(String key) {
		Object value = this.results.get(key);
		return (value instanceof Map) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static String latencies(Object summary, String... percentiles) {
		if (!(summary instanceof Map) || ((Map<String, Object>) summary).isEmpty()) {
			return "no samples";
		}
		Map<String, Object> values = (Map<String, Object>) summary;
		StringBuilder text = new StringBuilder();
		for (String percentile : percentiles) {
			text.append(text.isEmpty() ? "" : " / ").append(values.get(percentile));
		}
		return String.join("/", percentiles) + " " + text + " ms";
	}

	private static String ratio(double value, double baseline, String name) {
		return (baseline > 0) ? format(value / baseline) + " × (" + name + ")" : "";
	}

	private static String perSecond(double value) {
		return format(value) + "/s";
	}

	private static String format(double value) {
		return (value >= 100) ? String.format("%.0f", value) : String.format("%.2f", value);
	}

	private static double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : 0;
	}

}
