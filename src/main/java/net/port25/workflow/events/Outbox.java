package net.port25.workflow.events;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes outbound events into the {@code outbox_event} table in the caller's transaction;
 * {@link OutboxRelay} sends them once that transaction has committed. An event of a
 * transaction that rolls back is never sent.
 */
@Component
class Outbox {

	private final EventFormat structuredFormat = EventFormatProvider.getInstance()
		.resolveFormat(JsonFormat.CONTENT_TYPE);

	private final JdbcClient jdbc;

	private final TraceHeaders traceHeaders;

	private final ObjectMapper json;

	private final OutboxRelay relay;

	Outbox(JdbcClient jdbc, OutboxRelay relay, TraceHeaders traceHeaders, ObjectMapper json) {
		this.jdbc = jdbc;
		this.traceHeaders = traceHeaders;
		this.json = json;
		this.relay = relay;
	}

	void append(String topic, String key, CloudEvent event) {
		// Outside a transaction the row would be visible (and sent) even if the caller's
		// work failed afterwards.
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Outbound event " + event.getType() + " for " + key
					+ " must be written in a transaction, so that it is sent only if that transaction commits");
		}
		jdbc.sql("""
				insert into outbox_event (topic, record_key, payload, trace_headers)
				values (:topic, :key, :payload, cast(:trace as jsonb))
				""")
			.param("topic", topic)
			.param("key", key)
			.param("payload", structuredFormat.serialize(event))
			.param("trace", traceContext())
			.update();
		// one instance per relay lane: Spring keeps a transaction's synchronizations in a
		// set, so a transaction that writes several events wakes each lane once
		TransactionSynchronizationManager.registerSynchronization(relay.wakeAfterCommit(topic));
	}

	private String traceContext() {
		Map<String, String> headers = traceHeaders.current();
		if (headers.isEmpty()) {
			return null;
		}
		try {
			return json.writeValueAsString(headers);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot store the trace context " + headers, ex);
		}
	}

}
