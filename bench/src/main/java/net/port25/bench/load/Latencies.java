package net.port25.bench.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in milliseconds, and their percentiles. */
public final class Latencies {

	private long[] samples = new long[1024];

	private int count;

	public synchronized void add(long millis) {
		if (this.count == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.count * 2);
		}
		this.samples[this.count++] = millis;
	}

	public synchronized int count() {
		return this.count;
	}

	/** p50, p95, p99, p99.9 and max; empty if there are no samples. */
	public synchronized Map<String, Long> summary() {
		Map<String, Long> summary = new LinkedHashMap<>();
		if (this.count == 0) {
			return summary;
		}
		long[] sorted = Arrays.copyOf(this.samples, this.count);
		Arrays.sort(sorted);
		summary.put("p50", percentile(sorted, 50));
		summary.put("p95", percentile(sorted, 95));
		summary.put("p99", percentile(sorted, 99));
		summary.put("p99.9", percentile(sorted, 99.9));
		summary.put("max", sorted[sorted.length - 1]);
		return summary;
	}

	private static long percentile(long[] sorted, double percentile) {
		int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
