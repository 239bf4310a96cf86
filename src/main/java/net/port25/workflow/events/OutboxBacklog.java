package net.port25.workflow.events;

import java.time.Duration;

/**
 * The outbound events the relay has not sent yet.
 *
 * @param pending how many there are
 * @param oldestAge how long the oldest has waited; zero when none is pending
 */
public record OutboxBacklog(long pending, Duration oldestAge) {
}
