package net.port25.workflow.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code maxAge}: the gauges of one reading (every request
 * state, say) share one query, and a second scrape soon after the first costs none. A
 * failed read is not kept: the gauge shows no value and the next scrape tries again.
 */
final class CachedReading<T> {

	private final Supplier<T> read;

	private final Duration maxAge;

	private final Clock clock;

	private T value;

	private Instant readAt;

	CachedReading(Supplier<T> read, Duration maxAge, Clock clock) {
		this.read = read;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	synchronized T get() {
		Instant now = clock.instant();
		if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
			value = read.get();
			readAt = now;
		}
		return value;
	}

}
