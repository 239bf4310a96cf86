package net.port25.workflow.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code maxAge}: the gauges of one reading (every request
 * state, say) share one query, and a second scrape soon after the first costs none; a
 * decision table's latest version is looked up once in a while rather than at every
 * evaluation. A failed read is not kept: the next call tries again.
 */
public final class CachedReading<T> {

	private final Supplier<T> read;

	private final Duration maxAge;

	private final Clock clock;

	private T value;

	private Instant readAt;

	public CachedReading(Supplier<T> read, Duration maxAge, Clock clock) {
		this.read = read;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	public synchronized T get() {
		Instant now = clock.instant();
		if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
			value = read.get();
			readAt = now;
		}
		return value;
	}

}
