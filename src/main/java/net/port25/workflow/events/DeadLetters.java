package net.port25.workflow.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.port25.workflow.access.InputLimits;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Puts a record that can never be applied on {@code <topic>.DLT}, byte for byte, with
 * headers that say why and where it came from (Spring Kafka's {@code kafka_dlt-*} names);
 * its offset may be committed only once the broker has it. The reason is bounded, and no
 * stack trace is attached: a dead letter cannot grow past what the broker takes. A record
 * that would be too large as it is goes there truncated, with the header
 * {@code port25-dlt-truncated} saying what was cut; one the broker still refuses as too
 * large goes with its value left out. Only an unreachable broker makes publishing fail,
 * which is waited out like any transient failure.
 */
@Component
class DeadLetters implements ConsumerRecordRecoverer {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	/** Header with the human-readable reason a record was dead-lettered. */
	static final String REASON_HEADER = "port25-dlt-reason";

	/** Header present when the record was cut to fit; says what was left out. */
	static final String TRUNCATED_HEADER = "port25-dlt-truncated";

	/**
	 * Room for the record batch and record framing and each header's lengths, more than
	 * Kafka needs.
	 */
	private static final int FRAMING_BYTES = 512;

	private static final int MAX_KEY_CHARACTERS = InputLimits.MAX_IDENTIFIER_LENGTH;

	private static final long SEND_TIMEOUT_SECONDS = 60;

	private final KafkaTemplate<String, byte[]> kafka;

	private final InboundProperties.DeadLetter limits;

	private final InboundEventMetrics metrics;

	DeadLetters(KafkaTemplate<String, byte[]> kafka, InboundProperties inbound, InboundEventMetrics metrics) {
		this.kafka = kafka;
		this.limits = inbound.deadLetter();
		this.metrics = metrics;
	}

	/**
	 * The error handler's way in: failures the listener did not catch; returns once the
	 * broker has the dead letter.
	 */
	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception failure) {
		try {
			send(record, failure).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeadLetterNotSentException(TopicsProperties.deadLetterTopicOf(record.topic()), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DeadLetterNotSentException(TopicsProperties.deadLetterTopicOf(record.topic()),
					NestedExceptionUtils.getMostSpecificCause(ex));
		}
	}

	/**
	 * Sends the record to its dead-letter topic. The future completes when the broker has
	 * it, or fails with a {@link DeadLetterNotSentException} when the broker cannot be
	 * reached; until then the record's offset must not be committed.
	 */
	CompletableFuture<Void> send(ConsumerRecord<?, ?> record, Exception failure) {
		String reason = InputLimits.shorten(reasonOf(failure), limits.maxReasonLength());
		String topic = TopicsProperties.deadLetterTopicOf(record.topic());
		try {
			ProducerRecord<String, byte[]> deadLetter = fitted(record, topic, headers(record, failure, reason));
			return send(deadLetter).exceptionallyCompose((ex) -> (ex instanceof RecordTooLargeException tooLarge)
					// the topic takes less than
					// port25.inbound.dead-letter.max-record-bytes
					? send(withoutValue(record, deadLetter, tooLarge)) : CompletableFuture.failedFuture(ex))
				.handle((sent, ex) -> {
					if (ex != null) {
						throw new DeadLetterNotSentException(topic, NestedExceptionUtils.getMostSpecificCause(ex));
					}
					log.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
							topic, reason);
					metrics.deadLettered(record, failure);
					return null;
				});
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(new DeadLetterNotSentException(topic, ex));
		}
	}

	private ProducerRecord<String, byte[]> fitted(ConsumerRecord<?, ?> record, String topic, RecordHeaders headers) {
		String key = keyOf(record);
		byte[] value = valueOf(record);
		List<Header> original = Arrays.asList(record.headers().toArray());
		int fixed = FRAMING_BYTES + utf8Length(key) + size(Arrays.asList(headers.toArray()));
		int available = limits.maxRecordBytes() - fixed;
		StringBuilder truncated = new StringBuilder();
		if (size(original) > available / 2) {
			truncated.append("original headers (").append(size(original)).append(" bytes) left out; ");
			original = List.of();
		}
		int room = Math.max(0, available - size(original) - 200);
		if (value != null && value.length > room) {
			truncated.append("value cut from ").append(value.length).append(" to ").append(room).append(" bytes");
			value = Arrays.copyOf(value, room);
		}
		if (key != null && !key.equals(record.key())) {
			truncated.append("; key cut to ").append(MAX_KEY_CHARACTERS).append(" characters");
		}
		original.forEach(headers::add);
		if (!truncated.isEmpty()) {
			headers.add(TRUNCATED_HEADER, utf8(truncated.toString()));
		}
		return new ProducerRecord<>(topic, partitionOf(topic, record.partition()), key, value, headers);
	}

	private ProducerRecord<String, byte[]> withoutValue(ConsumerRecord<?, ?> record,
			ProducerRecord<String, byte[]> refused, RecordTooLargeException refusal) {
		RecordHeaders headers = headers(record, null,
				Objects.requireNonNullElse(HeaderText.last(refused.headers(), REASON_HEADER), ""));
		headers.add(TRUNCATED_HEADER, utf8("value and original headers left out: the broker refused the record as"
				+ " too large (" + InputLimits.shorten(refusal.getMessage(), limits.maxReasonLength()) + ")"));
		return new ProducerRecord<>(refused.topic(), refused.partition(), refused.key(), null, headers);
	}

	private RecordHeaders headers(ConsumerRecord<?, ?> record, Exception failure, String reason) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(REASON_HEADER, utf8(reason));
		headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
		headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION,
				ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
				ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, utf8(record.timestampType().toString()));
		if (failure != null) {
			headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(innermost(failure).getClass().getName()));
		}
		return headers;
	}

	/**
	 * The dead-letter topic's partition of the same number where it has one (so that a
	 * record keeps its partition), else none: the producer then picks one by key. A
	 * dead-letter topic need not have as many partitions as its source.
	 */
	private Integer partitionOf(String topic, int sourcePartition) {
		List<PartitionInfo> partitions = kafka.partitionsFor(topic);
		return partitions.stream().anyMatch((partition) -> partition.partition() == sourcePartition) ? sourcePartition
				: null;
	}

	// Straight to the producer, as the outbox relay does: the template would log every
	// failed send with its stack trace.
	private CompletableFuture<Void> send(ProducerRecord<String, byte[]> deadLetter) {
		CompletableFuture<Void> sent = new CompletableFuture<>();
		kafka.execute((producer) -> producer.send(deadLetter, (metadata, ex) -> {
			if (ex != null) {
				sent.completeExceptionally(ex);
			}
			else {
				sent.complete(null);
			}
		}));
		return sent;
	}

	/**
	 * The reason a person reads: the refusal's own words for a record that cannot be
	 * read, else the innermost cause's type and message.
	 */
	private static String reasonOf(Exception failure) {
		Throwable cause = innermost(failure);
		if (cause instanceof InvalidEventException) {
			return cause.getMessage();
		}
		return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}

	/** The refusal, or else the innermost cause. */
	private static Throwable innermost(Exception failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof InvalidEventException)) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String keyOf(ConsumerRecord<?, ?> record) {
		return (record.key() == null) ? null : InputLimits.shorten(record.key().toString(), MAX_KEY_CHARACTERS);
	}

	private static byte[] valueOf(ConsumerRecord<?, ?> record) {
		Object value = record.value();
		if (value == null || value instanceof byte[]) {
			return (byte[]) value;
		}
		return utf8(value.toString());
	}

	private static int size(List<Header> headers) {
		return headers.stream()
			.mapToInt((header) -> utf8Length(header.key()) + (header.value() == null ? 0 : header.value().length))
			.sum();
	}

	private static int utf8Length(String text) {
		return (text == null) ? 0 : utf8(text).length;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The broker did not take a dead letter; the record is retried, never skipped. */
	static final class DeadLetterNotSentException extends RuntimeException {

		DeadLetterNotSentException(String topic, Throwable cause) {
			super("dead letter not written to " + topic + ": " + cause, cause);
		}

	}

}
