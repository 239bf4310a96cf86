package net.port25.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CachedReadingTest {

	private final MovableClock clock = new MovableClock();

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void readsOnceWithinItsMaximumAgeAndAgainAfterIt() {
		CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ofSeconds(10), clock);

		assertThat(reading.get()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(9));
		assertThat(reading.get()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(1));
		assertThat(reading.get()).isEqualTo(2);
	}

	@Test
	void keepsNoFailedReadSoTheNextScrapeTriesAgain() {
		CachedReading<Integer> reading = new CachedReading<>(() -> {
			if (reads.incrementAndGet() == 1) {
				throw new IllegalStateException("database unreachable");
			}
			return reads.get();
		}, Duration.ofSeconds(10), clock);

		assertThatIllegalStateException().isThrownBy(reading::get);
		assertThat(reading.get()).isEqualTo(2);
	}

}
