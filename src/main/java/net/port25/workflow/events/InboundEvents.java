package net.port25.workflow.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import net.port25.workflow.audit.VerifiedSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records of one poll, each read, checked and applied in order: the event must be
 * CloudEvents 1.0 of a type the topic carries, from a source allowed to send it
 * ({@link EventSources}), with data that keeps the contract's schema and limits. It is
 * then applied in one transaction with the claim of its source and id
 * ({@link ProcessedEvents}), so that a redelivery changes nothing, and the audit trail
 * records its source as verified. A record that fails a check is dead-lettered at once
 * with the reason, after the sender is answered where it can be told apart, and the next
 * record follows without waiting for the broker: the dead letters of a poll are awaited
 * together before its offsets are committed, so a flood of them moves at the broker's
 * pace rather than one round trip each. Failures while applying are the container's error
 * handler's ({@link DeadLetterConfiguration}), from the failed record on.
 */
@Component
class InboundEvents {

	/** More than the producer takes to give up on a record (delivery.timeout.ms). */
	private static final long DEAD_LETTER_TIMEOUT_SECONDS = 60;

	private final CloudEventReader reader;

	private final EventSources sources;

	private final ProcessedEvents processedEvents;

	private final DeadLetters deadLetters;

	private final TransactionTemplate transaction;

	private final InboundEventMetrics metrics;

	InboundEvents(CloudEventReader reader, EventSources sources, ProcessedEvents processedEvents,
			DeadLetters deadLetters, PlatformTransactionManager transactionManager, InboundEventMetrics metrics) {
		this.metrics = metrics;
		this.reader = reader;
		this.sources = sources;
		this.processedEvents = processedEvents;
		this.deadLetters = deadLetters;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Applies each record with the handler of its event type, or dead-letters it; returns
	 * once every dead letter is written.
	 * @throws BatchListenerFailedException naming the first record that could be neither
	 * applied nor dead-lettered: the records before it are done
	 */
	void acceptAll(List<ConsumerRecord<String, byte[]>> records, Map<String, EventHandler<?>> handlers) {
		List<DeadLetter> deadLetters = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				accept(record, handlers).ifPresent(deadLetters::add);
			}
			catch (RuntimeException ex) {
				awaitAll(deadLetters);
				throw new BatchListenerFailedException("event not applied", ex, record);
			}
		}
		awaitAll(deadLetters);
	}

	private Optional<DeadLetter> accept(ConsumerRecord<String, byte[]> record, Map<String, EventHandler<?>> handlers) {
		EventLogContext.taken(record);
		try {
			CloudEvent event = reader.read(record);
			EventHandler<?> handler = handlers.get(event.getType());
			if (handler == null) {
				throw InvalidEventException.unknownType(event, record.topic());
			}
			sources.check(record.topic(), event);
			apply(record.topic(), event, handler);
			metrics.consumed(record);
			return Optional.empty();
		}
		catch (InvalidEventException ex) {
			return Optional.of(new DeadLetter(record, deadLetters.send(record, ex)));
		}
		finally {
			EventLogContext.clear();
		}
	}

	private static void awaitAll(List<DeadLetter> deadLetters) {
		for (DeadLetter deadLetter : deadLetters) {
			try {
				deadLetter.sent().get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BatchListenerFailedException("interrupted while dead-lettering", ex, deadLetter.record());
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new BatchListenerFailedException("dead letter not written",
						NestedExceptionUtils.getMostSpecificCause(ex), deadLetter.record());
			}
		}
	}

	private <T> void apply(String topic, CloudEvent event, EventHandler<T> handler) {
		JsonNode tree = reader.tree(event);
		T data;
		try {
			data = reader.data(event, tree, handler.dataType());
		}
		catch (InvalidEventException ex) {
			if (handler.refusal() != EventHandler.Refusal.UNANSWERED) {
				// claimed, so that a redelivery is not answered twice
				once(topic, event, () -> handler.refusal().answer(tree, ex.problems(), event.getId()));
			}
			throw ex;
		}
		once(topic, event, () -> handler.apply().accept(data, event.getId()));
	}

	private void once(String topic, CloudEvent event, Runnable effect) {
		transaction.executeWithoutResult((status) -> {
			if (processedEvents.claim(event, topic)) {
				VerifiedSource.during(event.getSource().toString(), effect);
			}
		});
	}

	/** A record on its way to the dead-letter topic. */
	private record DeadLetter(ConsumerRecord<String, byte[]> record, CompletableFuture<Void> sent) {
	}

}
