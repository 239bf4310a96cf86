package net.port25.workflow.events;

import java.time.Duration;

import net.port25.workflow.access.InputLimits;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What becomes of a record whose event could not be applied. Records that cannot be read
 * or are refused never get here: the listeners dead-letter them themselves
 * ({@link InboundEvents}). Transient failures (database or broker unreachable, optimistic
 * locking between engine nodes) are retried with back-off for as long as they last: never
 * dead-lettered, never skipped. Anything else is permanent, so retrying cannot help:
 * dead-lettered at once ({@link DeadLetters}), and consumption goes on.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

	private static final int MAX_LOGGED_REASON = 300;

	@Bean
	DefaultErrorHandler kafkaErrorHandler(DeadLetters deadLetters) {
		// The default back-off must retry: with one that never does, the handler would
		// not
		// ask the function at all and dead-letter transient failures too.
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, transientBackOff());
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex) ? null : new FixedBackOff(0, 0));
		handler.setRetryListeners(new TransientFailureLog());
		// DeadLetters and TransientFailureLog log each failure in one line; the handler's
		// own lines carry whole stack traces
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

	/** Unlimited: a transient failure is waited out. */
	private static ExponentialBackOff transientBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(200).toMillis(), 2.0);
		backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
		return backOff;
	}

	private static final class TransientFailureLog implements RetryListener {

		@Override
		public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
			if (TransientFailures.isTransient(ex)) {
				log.warn("Record {}-{}@{} not applied yet (attempt {}), retrying: {}", record.topic(),
						record.partition(), record.offset(), deliveryAttempt,
						InputLimits.shorten(String.valueOf(innermostMessage(ex)), MAX_LOGGED_REASON));
			}
		}

		private static String innermostMessage(Throwable ex) {
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			return cause.toString();
		}

	}

}
