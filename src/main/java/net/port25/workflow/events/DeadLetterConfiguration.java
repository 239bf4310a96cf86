package net.port25.workflow.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that can never be applied goes to {@code <topic>.DLT}, byte for byte, with
 * headers naming the reason and the original topic, partition and offset; consumption
 * goes on with the next record. Transient failures (database unreachable, optimistic
 * locking between engine nodes) are retried with back-off for as long as they last: never
 * dead-lettered, never skipped. Anything else is a defect: retried a few times, then
 * dead-lettered with its reason so that it cannot block the partition.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

	/** Header with the human-readable reason a record was dead-lettered. */
	static final String REASON_HEADER = "port25-dlt-reason";

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, InboundEventMetrics metrics) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record,
				ex) -> new TopicPartition(TopicsProperties.deadLetterTopicOf(record.topic()), record.partition()));
		recoverer.setHeadersFunction((record, ex) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(REASON_HEADER, reasonOf(ex).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, defectBackOff());
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex) ? transientBackOff() : null);
		handler.addNotRetryableExceptions(InvalidEventException.class);
		handler.setRetryListeners(metrics);
		return handler;
	}

	/** Unlimited: a transient failure is waited out. */
	private static ExponentialBackOff transientBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(200).toMillis(), 2.0);
		backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
		return backOff;
	}

	private static ExponentialBackOff defectBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(200).toMillis(), 2.0);
		backOff.setMaxAttempts(3);
		return backOff;
	}

	private static String reasonOf(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof InvalidEventException)) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
	}

}
