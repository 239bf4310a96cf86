package net.port25.workflow.events;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each inbound event has its effect once. CloudEvents names an event by its
 * {@code source} and {@code id} together (two producers may use the same id), and both
 * are claimed in the transaction that applies the event, so either both commit or neither
 * does; a second delivery finds the claim and is skipped. Claims are kept for
 * {@code port25.inbound.deduplication-retention}, longer than the topics keep the events.
 */
@Repository
class ProcessedEvents {

	private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

	/**
	 * The source of claims made before sources were kept (V4): such a claim stands for
	 * its id from any source until it is purged.
	 */
	static final String UNKNOWN_SOURCE = "";

	private static final int PURGE_BATCH = 10_000;

	private final JdbcClient jdbc;

	private final InboundEventMetrics metrics;

	ProcessedEvents(JdbcClient jdbc, InboundEventMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/** Claims the event for this transaction; false if it has already had its effect. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean claim(CloudEvent event, String topic) {
		int claimed = jdbc.sql("""
				insert into processed_event (source, event_id, event_type, topic)
				select :source, :id, :type, :topic
				where not exists (select 1 from processed_event where source = :unknown and event_id = :id)
				on conflict (source, event_id) do nothing
				""")
			.param("source", event.getSource().toString())
			.param("id", event.getId())
			.param("type", event.getType())
			.param("topic", topic)
			.param("unknown", UNKNOWN_SOURCE)
			.update();
		if (claimed == 0) {
			metrics.deduplicated(topic);
			log.info("Event {} from {} ({}) on {} was applied before; this delivery changes nothing", event.getId(),
					event.getSource(), event.getType(), topic);
		}
		return claimed == 1;
	}

	/**
	 * Deletes the claims older than the retention, in batches so that no transaction
	 * holds many rows.
	 * @return how many were deleted
	 */
	int purgeOlderThan(Duration retention) {
		int purged = 0;
		int batch;
		do {
			batch = jdbc.sql("""
					delete from processed_event where ctid in (
					    select ctid from processed_event
					    where processed_at < now() - make_interval(secs => :seconds) limit :batch)
					""").param("seconds", retention.toSeconds()).param("batch", PURGE_BATCH).update();
			purged += batch;
		}
		while (batch == PURGE_BATCH);
		return purged;
	}

}
