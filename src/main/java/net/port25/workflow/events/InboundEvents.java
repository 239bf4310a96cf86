package net.port25.workflow.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.micrometer.observation.ObservationRegistry;
import net.port25.workflow.audit.VerifiedSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
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

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	/** More than the producer takes to give up on a record (delivery.timeout.ms). */
	private static final long DEAD_LETTER_TIMEOUT_SECONDS = 60;

	/**
	 * Spring Kafka's listener observation under a name of its own: the containers' timers
	 * of these batch listeners already take {@code spring.kafka.listener}, with other
	 * tags.
	 */
	private static final KafkaListenerObservation.DefaultKafkaListenerObservationConvention RECORD_HANDLING = new KafkaListenerObservation.DefaultKafkaListenerObservationConvention() {

		@Override
		public String getName() {
			return "port25.events.handling";
		}

	};

	private final CloudEventReader reader;

	private final EventSources sources;

	private final ProcessedEvents processedEvents;

	private final DeadLetters deadLetters;

	private final TransactionTemplate transaction;

	private final EngineFlush engine;

	private final InboundEventMetrics metrics;

	private final ObservationRegistry observations;

	InboundEvents(CloudEventReader reader, EventSources sources, ProcessedEvents processedEvents,
			DeadLetters deadLetters, PlatformTransactionManager transactionManager, EngineFlush engine,
			InboundEventMetrics metrics, ObservationRegistry observations) {
		this.engine = engine;
		this.metrics = metrics;
		this.observations = observations;
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
				applyOrRefuse(record, handlers, FlushGroup.NONE)
					.ifPresentOrElse((refused) -> deadLetters.add(deadLetter(refused)), () -> metrics.consumed(record));
			}
			catch (RuntimeException ex) {
				awaitAll(deadLetters);
				throw new BatchListenerFailedException("event not applied", ex, record);
			}
		}
		awaitAll(deadLetters);
	}

	/**
	 * As {@link #acceptAll}, with the events of the poll applied in one transaction: one
	 * commit for many events, for a topic whose events are mostly a few statements each
	 * (an abuse storm). Where the handlers name each event's subject, the events of
	 * different subjects also share one flush of the engine's writes
	 * ({@link FlushGroup}). Each event still has its effect once, in partition order. If
	 * any of them fails, the transaction is rolled back and the poll is accepted again
	 * event by event, so that those before the failing one keep their effect and the
	 * error handler deals with exactly that one. Dead letters are sent once the
	 * transaction has committed, so a rolled-back poll sends none.
	 */
	void acceptAllTogether(List<ConsumerRecord<String, byte[]>> records, Map<String, EventHandler<?>> handlers) {
		List<ConsumerRecord<String, byte[]>> applied = new ArrayList<>();
		List<Refused> refused = new ArrayList<>();
		try {
			transaction.executeWithoutResult((status) -> {
				if (!FlushGroup.namedByAll(handlers)) {
					applyEach(records, handlers, FlushGroup.NONE, applied, refused);
					return;
				}
				for (List<ConsumerRecord<String, byte[]>> group : FlushGroup.split(records)) {
					engine.together(() -> applyEach(group, handlers, FlushGroup.start(), applied, refused));
				}
			});
		}
		catch (RuntimeException ex) {
			acceptAll(records, handlers);
			return;
		}
		applied.forEach(metrics::consumed);
		awaitAll(refused.stream().map(this::deadLetter).toList());
	}

	private void applyEach(List<ConsumerRecord<String, byte[]>> records, Map<String, EventHandler<?>> handlers,
			FlushGroup flush, List<ConsumerRecord<String, byte[]>> applied, List<Refused> refused) {
		for (ConsumerRecord<String, byte[]> record : records) {
			applyOrRefuse(record, handlers, flush).ifPresentOrElse(refused::add, () -> applied.add(record));
		}
	}

	/**
	 * Applies the events of a poll that {@code selection} picks, ahead of the listener
	 * that applies every event of the topic in order, and leaves the rest to it: a lane
	 * for the events that must not queue behind the others (a revocation behind an abuse
	 * storm). The selection sees each record's data as a first, unchecked look gives it
	 * ({@link CloudEventReader#peek}), and only what it picks is read in full: the lane
	 * reads every record of a storm, and picks a few. The claim ({@link ProcessedEvents})
	 * gives each event its effect once, whichever lane comes first. A record that cannot
	 * be read, or an effect that fails, is left to the other listener as well, which
	 * dead-letters or retries it: this lane never dead-letters and never stops.
	 * @return how many events this lane applied (not those the other listener had applied
	 * first)
	 */
	<T> int applyAhead(List<ConsumerRecord<String, byte[]>> records, EventHandler<T> handler,
			UnaryOperator<List<T>> selection) {
		List<Peeked<T>> candidates = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			reader.peek(record, handler.type(), handler.dataType())
				.ifPresent((data) -> candidates.add(new Peeked<>(record, data)));
		}
		if (candidates.isEmpty()) {
			return 0;
		}
		Set<T> selected = Collections.newSetFromMap(new IdentityHashMap<>());
		selected.addAll(selection.apply(candidates.stream().map(Peeked::data).toList()));
		int applied = 0;
		for (Peeked<T> candidate : candidates) {
			if (!selected.contains(candidate.data())) {
				continue;
			}
			Optional<ReadEvent<T>> event = readQuietly(candidate.record(), handler);
			if (event.isPresent() && applyQuietly(event.get(), handler)) {
				metrics.appliedAhead(candidate.record());
				applied++;
			}
		}
		return applied;
	}

	private <T> Optional<ReadEvent<T>> readQuietly(ConsumerRecord<String, byte[]> record, EventHandler<T> handler) {
		try {
			CloudEvent event = reader.read(record);
			if (!handler.type().equals(event.getType())) {
				return Optional.empty();
			}
			sources.check(record.topic(), event);
			return Optional
				.of(new ReadEvent<>(record, event, reader.data(event, reader.tree(event), handler.dataType())));
		}
		catch (InvalidEventException ex) {
			return Optional.empty();
		}
		finally {
			EventLogContext.clear();
		}
	}

	private <T> boolean applyQuietly(ReadEvent<T> event, EventHandler<T> handler) {
		try {
			return observed(event.record(), () -> {
				EventLogContext.taken(event.record());
				EventLogContext.read(event.event());
				return once(event.record().topic(), event.event(),
						() -> handler.apply().accept(event.data(), event.event().getId()));
			});
		}
		catch (RuntimeException ex) {
			log.warn("Event {} not applied ahead, left to the listener of {}: {}", event.event().getId(),
					event.record().topic(), NestedExceptionUtils.getMostSpecificCause(ex).toString());
			return false;
		}
		finally {
			EventLogContext.clear();
		}
	}

	private DeadLetter deadLetter(Refused refused) {
		return new DeadLetter(refused.record(), deadLetters.send(refused.record(), refused.reason()));
	}

	/**
	 * Applies the record's event, or says why it is refused, in a span whose parent is
	 * the record's trace context ({@code traceparent}): the listener containers observe
	 * single records only, and these listeners take a poll at a time.
	 */
	private Optional<Refused> applyOrRefuse(ConsumerRecord<String, byte[]> record,
			Map<String, EventHandler<?>> handlers, FlushGroup flush) {
		return observed(record, () -> applyOrRefuseObserved(record, handlers, flush));
	}

	private <R> R observed(ConsumerRecord<String, byte[]> record, Supplier<R> handling) {
		String group = Objects.requireNonNullElse(KafkaUtils.getConsumerGroupId(), "");
		return KafkaListenerObservation.LISTENER_OBSERVATION
			.observation(null, RECORD_HANDLING,
					() -> new KafkaRecordReceiverContext(record, group, group, group, () -> null), observations)
			.observe(handling);
	}

	private Optional<Refused> applyOrRefuseObserved(ConsumerRecord<String, byte[]> record,
			Map<String, EventHandler<?>> handlers, FlushGroup flush) {
		EventLogContext.taken(record);
		try {
			CloudEvent event = reader.read(record);
			EventHandler<?> handler = handlers.get(event.getType());
			if (handler == null) {
				throw InvalidEventException.unknownType(event, record.topic());
			}
			sources.check(record.topic(), event);
			apply(record.topic(), event, handler, flush);
			return Optional.empty();
		}
		catch (InvalidEventException ex) {
			return Optional.of(new Refused(record, ex));
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

	private <T> void apply(String topic, CloudEvent event, EventHandler<T> handler, FlushGroup flush) {
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
		flush.admit(handler, data);
		once(topic, event, () -> handler.apply().accept(data, event.getId()));
	}

	/** Applies the effect unless the event had it before; true if it had it now. */
	private boolean once(String topic, CloudEvent event, Runnable effect) {
		return Boolean.TRUE.equals(transaction.execute((status) -> {
			if (!processedEvents.claim(event, topic)) {
				return false;
			}
			VerifiedSource.during(event.getSource().toString(), effect);
			return true;
		}));
	}

	/** A record that breaks the contract, and why. */
	private record Refused(ConsumerRecord<String, byte[]> record, InvalidEventException reason) {
	}

	/** A record and its data at a first look. */
	private record Peeked<T>(ConsumerRecord<String, byte[]> record, T data) {
	}

	/** A record read, with its event and data. */
	private record ReadEvent<T>(ConsumerRecord<String, byte[]> record, CloudEvent event, T data) {
	}

	/** A record on its way to the dead-letter topic. */
	private record DeadLetter(ConsumerRecord<String, byte[]> record, CompletableFuture<Void> sent) {
	}

}
