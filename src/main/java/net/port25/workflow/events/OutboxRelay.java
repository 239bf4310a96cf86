package net.port25.workflow.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending rows of the outbox to Kafka, in id order, and marks them sent in the
 * same transaction. A pass that fails is rolled back as a whole and repeated later, so
 * every event is sent at least once (consumers apply each CloudEvent {@code id} once).
 * Runs right after a commit that wrote to the outbox and every
 * {@code port25.outbox.poll-interval} besides; deletes sent rows older than
 * {@code port25.outbox.retention}.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final String CONTENT_TYPE_HEADER = "content-type";

	// Held for the duration of a pass: with several engine nodes only one sends at a
	// time, so the events of one key leave in id order.
	private static final long RELAY_LOCK = 0x706f72743235L; // "port25"

	private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final KafkaTemplate<String, byte[]> kafka;

	private final OutboxProperties properties;

	private final TraceHeaders traceHeaders;

	private final ObjectMapper json;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	OutboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, KafkaTemplate<String, byte[]> kafka,
			OutboxProperties properties, TraceHeaders traceHeaders, ObjectMapper json) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.kafka = kafka;
		this.properties = properties;
		this.traceHeaders = traceHeaders;
		this.json = json;
		properties.requireProducerGivesUpFirst(kafka.getProducerFactory().getConfigurationProperties());
	}

	/**
	 * Sends what is pending soon, on the relay's thread; many wake-ups before that run
	 * coalesce into one pass.
	 */
	void wake() {
		ScheduledExecutorService current = executor;
		if (current != null && wakeQueued.compareAndSet(false, true)) {
			try {
				current.execute(() -> {
					wakeQueued.set(false);
					drain();
				});
			}
			catch (RuntimeException ex) {
				// stopping: whatever is pending is sent after the next start
				wakeQueued.set(false);
			}
		}
	}

	/**
	 * One pass: sends up to {@code batch-size} pending events and marks them sent, or, if
	 * any send fails, rolls back and throws.
	 * @return the number of events sent
	 */
	int publishPending() {
		Integer sent = transaction.execute(status -> {
			if (!lockRelay()) {
				return 0;
			}
			List<Pending> batch = pending();
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

	private boolean lockRelay() {
		return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
			.param("lock", RELAY_LOCK)
			.query(Boolean.class)
			.single());
	}

	private List<Pending> pending() {
		return jdbc.sql("""
				select id, topic, record_key, payload, trace_headers from outbox_event
				where published_at is null order by id limit :batch
				""")
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

	// Runs on the relay's thread only. A full batch means more may be waiting: go on
	// until less than a batch is left. Nothing may escape, or the executor would cancel
	// the periodic poll.
	private void drain() {
		try {
			while (publishPending() >= properties.batchSize()) {
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
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long poll = properties.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::drain, 0, poll, TimeUnit.MILLISECONDS);
		started.scheduleWithFixedDelay(this::purge, PURGE_INTERVAL.toMillis() / 60, PURGE_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
		executor = started;
	}

	// Stops before the Kafka producer and the DataSource go away (default SmartLifecycle
	// phase: stopped first). A pass that is under way finishes; one cut short is rolled
	// back and repeated after the next start.
	@Override
	public void stop() {
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

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	private record Pending(long id, String topic, String key, byte[] payload, Map<String, String> traceHeaders) {
	}

}
