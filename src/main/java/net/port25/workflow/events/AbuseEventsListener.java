package net.port25.workflow.events;

import io.cloudevents.CloudEvent;
import net.port25.workflow.EventTypes;
import net.port25.workflow.revocation.AbuseDetected;
import net.port25.workflow.revocation.AbuseHandling;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Hands abuse reports, validated, to revocation. */
@Component
class AbuseEventsListener {

	private final CloudEventReader reader;

	private final ProcessedEvents processedEvents;

	private final AbuseHandling abuseHandling;

	AbuseEventsListener(CloudEventReader reader, ProcessedEvents processedEvents, AbuseHandling abuseHandling) {
		this.reader = reader;
		this.processedEvents = processedEvents;
		this.abuseHandling = abuseHandling;
	}

	@KafkaListener(id = "abuse-events", topics = "${port25.topics.abuse-events}")
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		CloudEvent event = reader.read(record);
		if (!processedEvents.claim(event, record.topic())) {
			return;
		}
		if (!EventTypes.ABUSE_DETECTED.equals(event.getType())) {
			throw InvalidEventException.unknownType(event, record.topic());
		}
		abuseHandling.handle(reader.data(event, AbuseDetected.class), event.getId());
	}

}
