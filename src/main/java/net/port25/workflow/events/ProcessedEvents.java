package net.port25.workflow.events;

import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each inbound event id has its effect once. The id is claimed in the transaction that
 * applies the event, so either both commit or neither does; a second delivery finds the
 * claim and is skipped.
 */
@Repository
class ProcessedEvents {

	private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

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
				insert into processed_event (event_id, event_type, topic) values (:id, :type, :topic)
				on conflict (event_id) do nothing
				""").param("id", event.getId()).param("type", event.getType()).param("topic", topic).update();
		if (claimed == 0) {
			metrics.deduplicated(topic);
			log.info("Event {} ({}) on {} was applied before; this delivery changes nothing", event.getId(),
					event.getType(), topic);
		}
		return claimed == 1;
	}

}
