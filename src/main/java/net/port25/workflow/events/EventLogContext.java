package net.port25.workflow.events;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * What the log lines of an inbound record's handling carry in the MDC, from the moment
 * the record is taken until it is done with (dead letter included): the record's topic,
 * partition and offset; once it is read, the event's id and type; once its data names
 * one, the request reference. The engine adds the process instance and, under the same
 * key, the request reference (its business key) while it works on the request
 * ({@code camunda.bpm.generic-properties.properties.logging-context-*}).
 */
final class EventLogContext {

	static final String TOPIC = "kafkaTopic";

	static final String PARTITION = "kafkaPartition";

	static final String OFFSET = "kafkaOffset";

	static final String EVENT_ID = "eventId";

	static final String EVENT_TYPE = "eventType";

	/** The same key as the engine's business key (application.yaml). */
	static final String REQUEST_REF = "requestRef";

	private static final List<String> KEYS = List.of(TOPIC, PARTITION, OFFSET, EVENT_ID, EVENT_TYPE, REQUEST_REF);

	private EventLogContext() {
	}

	static void taken(ConsumerRecord<?, ?> record) {
		clear();
		MDC.put(TOPIC, record.topic());
		MDC.put(PARTITION, Integer.toString(record.partition()));
		MDC.put(OFFSET, Long.toString(record.offset()));
	}

	static void read(CloudEvent event) {
		MDC.put(EVENT_ID, event.getId());
		MDC.put(EVENT_TYPE, event.getType());
	}

	static void data(JsonNode data) {
		JsonNode requestRef = data.path(REQUEST_REF);
		if (requestRef.isTextual() && !requestRef.asText().isBlank()) {
			MDC.put(REQUEST_REF, requestRef.asText());
		}
	}

	static void clear() {
		KEYS.forEach(MDC::remove);
	}

}
