package net.port25.workflow.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending rows of the outbox to Kafka, in id order, and marks them sent in the
 * same transaction. A pass that fails is rolled back as a whole and repeated later, so
 * every event is sent at least once (consumers apply each CloudEvent {@code id} once).
 * Runs right after a commit that wrote to the outbox and every
 * {@code port25.outbox.poll-interval} besides; deletes sent rows older than
 * {@code port25.outbox.retention}.
 * <p>
 * Two lanes, each with its own thread, lock and passes: the network commands (a
 * revocation's port-close command) and everything else. A port-close command never waits
 * for a pass of replies and access changes under heavy intake. Each topic belongs to one
 * lane, so the records of one key still leave in id order.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final String CONTENT_TYPE_HEADER = "content-type";

	// Held for the duration of a pass, one per lane: with several engine nodes only one
	// sends a lane's events at a time, so the events of one key leave in id order.
	private static final long RELAY_LOCK = 0x706f72743235L; // "port25"

	private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final KafkaTemplate<String, byte[]> kafka;

	private final OutboxProperties properties;

	private final TraceHeaders traceHeaders;

	private final ObjectMapper json;

	private final String commandsTopic;

	private final Map<Lane, LaneState> lanes = new EnumMap<>(Lane.class);

	OutboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, KafkaTemplate<String, byte[]> kafka,
			OutboxProperties properties, TopicsProperties topics, TraceHeaders traceHeaders, ObjectMapper json) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.kafka = kafka;
		this.properties = properties;
		this.traceHeaders = traceHeaders;
		this.json = json;
		properties.requireProducerGivesUpFirst(kafka.getProducerFactory().getConfigurationProperties());
		this.commandsTopic = topics.networkCommands();
		for (Lane lane : Lane.values()) {
			lanes.put(lane, new LaneState(lane));
		}
	}

	/** Network commands, and all other outbound events. */
	enum Lane {

		COMMANDS, EVENTS

	}

	Lane laneOf(String topic) {
		return topic.equals(commandsTopic) ? Lane.COMMANDS : Lane.EVENTS;
	}

	/**
	 * What wakes the lane of {@code topic} after the current transaction commits; one
	 * instance per lane, so that a transaction that writes many events wakes it once.
	 */
	TransactionSynchronization wakeAfterCommit(String topic) {
		return lanes.get(laneOf(topic)).wakeAfterCommit;
	}

	/**
	 * One pass of each lane: sends up to {@code batch-size} pending events of each and
	 * marks them sent, or, if any send fails, rolls back that lane's pass and throws.
	 * @return the number of events sent
	 */
	int publishPending() {
		int sent = 0;
		for (Lane lane : Lane.values()) {
			sent += publishPending(lane);
		}
		return sent;
	}

	private int publishPending(Lane lane) {
		Integer sent = transaction.execute(status -> {
			if (!lockRelay(lane)) {
				return 0;
			}
			List<Pending> batch = pending(lane);
			if (batch.isEmpty()) {
				return 0;
			}
			sendAll(batch);
			markSent(batch);
			return batch.size();
		});
		return (sent != null) ? sent : 0;
	}

	/** Deletes sent events older than the retention. */
	int purgeSent() {
		return jdbc.sql("delete from outbox_event where published_at < now() - make_interval(secs => :seconds)")
			.param("seconds", properties.retention().toSeconds())
			.update();
	}

	/**
	 * Takes the lane's lock for the pass, whose commit then does not wait for the disk
	 * (synchronous_commit off for this transaction only): if PostgreSQL loses that commit
	 * in a crash, the events it marked sent are sent again, which the outbox allows (at
	 * least once; consumers apply each CloudEvent id once). The next pass of the lane no
	 * longer waits behind a WAL flush, and the events' own transactions stay durable.
	 */
	private boolean lockRelay(Lane lane) {
		return Boolean.TRUE
			.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock), set_config('synchronous_commit', 'off', true)")
				.param("lock", RELAY_LOCK + lane.ordinal())
				.query((row, number) -> row.getBoolean(1))
				.single());
	}

	private List<Pending> pending(Lane lane) {
		return jdbc.sql("""
				select id, topic, record_key, payload, trace_headers from outbox_event
				where published_at is null and (topic = :commands) = :commandsLane order by id limit :batch
				""")
			.param("commands", commandsTopic)
			.param("commandsLane", lane == Lane.COMMANDS)
			.param("batch", properties.batchSize())
			.query((row, number) -> new Pending(row.getLong(1), row.getString(2), row.getString(3), row.getBytes(4),
					traceHeaders(row.getString(5))))
			.list();
	}

	// Sent in id order without waiting in between: the producer is idempotent, so records
	// of one key (one partition) stay in that order even with several requests in flight.
	private void sendAll(List<Pending> batch) {
		CompletableFuture<?>[] sends = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(sends).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OutboxSendException("interrupted while waiting for the broker", ex);
		}
		catch (ExecutionException ex) {
			// the innermost cause says why (unknown topic, broker unreachable, ...); its
			// wrappers do not
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			throw new OutboxSendException(cause.toString(), cause);
		}
		catch (TimeoutException ex) {
			throw new OutboxSendException("no acknowledgement within " + properties.sendTimeout(), ex);
		}
	}

	// Straight to the template's producer: the template's own send would log every failed
	// record with its stack trace (LoggingProducerListener), once per pass for as long as
	// the broker is away. A failure is reported once per pass by drain() instead.
	private CompletableFuture<RecordMetadata> send(Pending event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
		record.headers()
			.add(new RecordHeader(CONTENT_TYPE_HEADER, JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
		Span span = traceHeaders.startSend(event.traceHeaders(), record);
		CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
		try {
			kafka.execute(producer -> producer.send(record, (metadata, ex) -> {
				if (ex != null) {
					sent.completeExceptionally(ex);
				}
				else {
					sent.complete(metadata);
				}
			}));
		}
		catch (RuntimeException ex) {
			sent.completeExceptionally(ex);
		}
		return sent.whenComplete((metadata, ex) -> end(span, ex));
	}

	private static void end(Span span, Throwable failure) {
		if (failure != null) {
			span.error(failure);
		}
		span.end();
	}

	private Map<String, String> traceHeaders(String stored) {
		if (stored == null) {
			return Map.of();
		}
		try {
			return json.readValue(stored, new TypeReference<Map<String, String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			// the trace is lost, not the event
			log.warn("Unreadable trace context {} of an outbox event: {}", stored, ex.getOriginalMessage());
			return Map.of();
		}
	}

	private void markSent(List<Pending> batch) {
		jdbc.sql("update outbox_event set published_at = now() where id in (:ids)")
			.param("ids", batch.stream().map(Pending::id).toList())
			.update();
	}

	// Runs on the lane's thread only. A full batch means more may be waiting: go on
	// until less than a batch is left. Nothing may escape, or the executor would cancel
	// the periodic poll.
	private void drain(Lane lane) {
		try {
			while (publishPending(lane) >= properties.batchSize()) {
				// next batch
			}
		}
		catch (RuntimeException ex) {
			// A broker outage fails every pass until it ends: one line each, no stack
			// trace.
			log.warn("Outbox events not sent, retrying in {}: {}", properties.pollInterval(), describe(ex));
		}
	}

	private void purge() {
		try {
			int purged = purgeSent();
			log.debug("Deleted {} sent outbox events older than {}", purged, properties.retention());
		}
		catch (RuntimeException ex) {
			log.warn("Sent outbox events not deleted, retrying in {}: {}", PURGE_INTERVAL, describe(ex));
		}
	}

	private static String describe(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
	}

	@Override
	public void start() {
		lanes.values().forEach(LaneState::start);
		lanes.get(Lane.EVENTS).executor.scheduleWithFixedDelay(this::purge, PURGE_INTERVAL.toMillis() / 60,
				PURGE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	// Stops before the Kafka producer and the DataSource go away (default SmartLifecycle
	// phase: stopped first). A pass that is under way finishes; one cut short is rolled
	// back and repeated after the next start.
	@Override
	public void stop() {
		lanes.values().forEach(LaneState::stop);
	}

	@Override
	public boolean isRunning() {
		return lanes.values().stream().anyMatch((lane) -> lane.executor != null);
	}

	/** A lane's thread and its pending wake-up. */
	private final class LaneState {

		private final Lane lane;

		private final AtomicBoolean wakeQueued = new AtomicBoolean();

		private final TransactionSynchronization wakeAfterCommit = new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				wake();
			}

		};

		private volatile ScheduledExecutorService executor;

		LaneState(Lane lane) {
			this.lane = lane;
		}

		// Sends what is pending soon, on the lane's thread; many wake-ups before that run
		// coalesce into one pass.
		void wake() {
			ScheduledExecutorService current = executor;
			if (current != null && wakeQueued.compareAndSet(false, true)) {
				try {
					current.execute(() -> {
						wakeQueued.set(false);
						drain(lane);
					});
				}
				catch (RuntimeException ex) {
					// stopping: whatever is pending is sent after the next start
					wakeQueued.set(false);
				}
			}
		}

		void start() {
			ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "outbox-relay-" + lane.name().toLowerCase(Locale.ROOT));
				thread.setDaemon(true);
				return thread;
			});
			started.scheduleWithFixedDelay(() -> drain(lane), 0, properties.pollInterval().toMillis(),
					TimeUnit.MILLISECONDS);
			executor = started;
		}

		void stop() {
			ScheduledExecutorService stopping = executor;
			executor = null;
			if (stopping == null) {
				return;
			}
			stopping.shutdown();
			try {
				if (!stopping.awaitTermination(properties.sendTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
					stopping.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				stopping.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}

	}

	private record Pending(long id, String topic, String key, byte[] payload, Map<String, String> traceHeaders) {
	}

}
