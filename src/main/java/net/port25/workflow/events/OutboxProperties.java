package net.port25.workflow.events;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * it gives up and retries; longer than the producer's {@code delivery.timeout.ms}
 * @param retention how long sent events are kept in the table (for diagnosis) before they
 * are deleted
 */
@Validated
@ConfigurationProperties("port25.outbox")
record OutboxProperties(@NotNull Duration pollInterval, @Min(1) int batchSize, @NotNull Duration sendTimeout,
		@NotNull Duration retention) {

	/** Kafka's default {@code delivery.timeout.ms}. */
	private static final long DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

	/**
	 * A pass that gives up is rolled back and repeated; if the producer still retried its
	 * records then, they could arrive twice and after the next pass's. So the producer
	 * must give up on a record before the pass gives up on it.
	 * @param producer the producer's configuration
	 * @throws IllegalStateException unless {@code delivery.timeout.ms} is shorter than
	 * {@code send-timeout}
	 */
	void requireProducerGivesUpFirst(Map<String, Object> producer) {
		Object configured = producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
		long deliveryTimeout = (configured == null) ? DEFAULT_DELIVERY_TIMEOUT_MS
				: Long.parseLong(configured.toString());
		if (deliveryTimeout >= sendTimeout.toMillis()) {
			throw new IllegalStateException("The Kafka producer's delivery.timeout.ms (" + deliveryTimeout
					+ ") must be shorter than port25.outbox.send-timeout (" + sendTimeout + "): set"
					+ " spring.kafka.producer.properties.delivery.timeout.ms (and request.timeout.ms) lower");
		}
	}

}
