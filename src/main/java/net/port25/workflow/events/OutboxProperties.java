package net.port25.workflow.events;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay.
 *
 * @param pollInterval how often the relay looks for pending events; a commit that wrote
 * events wakes it at once, so this only bounds the delay when that wake-up is missed
 * (another node's commit, a failed send)
 * @param batchSize at most this many events are sent in one pass
 * @param sendTimeout how long a pass waits for the broker to acknowledge its batch before
 * it gives up and retries
 * @param retention how long sent events are kept in the table (for diagnosis) before they
 * are deleted
 */
@Validated
@ConfigurationProperties("port25.outbox")
record OutboxProperties(@NotNull Duration pollInterval, @Min(1) int batchSize, @NotNull Duration sendTimeout,
		@NotNull Duration retention) {
}
