package net.port25.bench.launch;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time used by the servers of a run (each process with everything it started, as the
 * operating system counts it) and by this JVM, the load generator: how many milliseconds
 * of CPU each spent per event tells which one a 2-core box runs out of first.
 */
public final class CpuUsage {

	private final Map<String, Supplier<List<ManagedProcess>>> processes = new LinkedHashMap<>();

	/**
	 * Counts {@code name}'s processes (looked up at each snapshot: nodes come and go).
	 */
	public CpuUsage track(String name, Supplier<List<ManagedProcess>> process) {
		this.processes.put(name, process);
		return this;
	}

	/** CPU milliseconds so far, per name, and {@code bench} for this JVM. */
	public Map<String, Long> snapshot() {
		Map<String, Long> millis = new LinkedHashMap<>();
		this.processes.forEach((name, supplier) -> millis.put(name,
				supplier.get().stream().mapToLong(ManagedProcess::cpuMillisWithDescendants).sum()));
		millis.put("bench", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000);
		return millis;
	}

	/** CPU milliseconds per event between two snapshots. */
	public static Map<String, Double> perEvent(Map<String, Long> before, Map<String, Long> after, long events) {
		Map<String, Double> perEvent = new LinkedHashMap<>();
		after.forEach((name, millis) -> perEvent.put(name,
				Math.round((millis - before.getOrDefault(name, 0L)) * 100.0 / Math.max(1, events)) / 100.0));
		return perEvent;
	}

	static long cpuMillis(ProcessHandle handle) {
		return handle.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
	}

}
