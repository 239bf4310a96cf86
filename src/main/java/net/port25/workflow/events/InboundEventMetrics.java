package net.port25.workflow.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Counts what the edge does with inbound records, per topic:
 * {@code port25.events.consumed} (handled, duplicates included),
 * {@code port25.events.deduplicated} (an event id applied before: no effect),
 * {@code port25.events.applied.ahead} (applied by a lane ahead of the topic's listener,
 * which then counts it deduplicated: revocations) and {@code port25.events.dead.lettered}
 * (sent to {@code <topic>.DLT}, by cause: {@code invalid} for a record that breaks the
 * contract, {@code defect} for one the engine failed on every retry). The counters of the
 * contract's inbound topics exist from the start, at zero, so that an alert on their
 * increase sees the first record.
 */
@Component
class InboundEventMetrics {

	static final String INVALID = "invalid";

	static final String DEFECT = "defect";

	private final MeterRegistry meters;

	InboundEventMetrics(MeterRegistry meters, TopicsProperties topics) {
		this.meters = meters;
		for (String topic : topics.inbound()) {
			consumedOn(topic);
			deduplicatedOn(topic);
			appliedAheadOn(topic);
			deadLetteredOn(topic, INVALID);
			deadLetteredOn(topic, DEFECT);
		}
	}

	void consumed(ConsumerRecord<?, ?> record) {
		consumedOn(record.topic()).increment();
	}

	void deduplicated(String topic) {
		deduplicatedOn(topic).increment();
	}

	void appliedAhead(ConsumerRecord<?, ?> record) {
		appliedAheadOn(record.topic()).increment();
	}

	/** The record is on its dead-letter topic. */
	void deadLettered(ConsumerRecord<?, ?> record, Throwable ex) {
		deadLetteredOn(record.topic(), isInvalid(ex) ? INVALID : DEFECT).increment();
	}

	private static boolean isInvalid(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidEventException) {
				return true;
			}
		}
		return false;
	}

	private Counter consumedOn(String topic) {
		return meters.counter("port25.events.consumed", "topic", topic);
	}

	private Counter deduplicatedOn(String topic) {
		return meters.counter("port25.events.deduplicated", "topic", topic);
	}

	private Counter appliedAheadOn(String topic) {
		return meters.counter("port25.events.applied.ahead", "topic", topic);
	}

	private Counter deadLetteredOn(String topic, String cause) {
		return meters.counter("port25.events.dead.lettered", "topic", topic, "cause", cause);
	}

}
