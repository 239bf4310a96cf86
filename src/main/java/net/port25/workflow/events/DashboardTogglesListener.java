package net.port25.workflow.events;

import io.cloudevents.CloudEvent;
import net.port25.workflow.EventTypes;
import net.port25.workflow.enablement.CustomerSwitch;
import net.port25.workflow.enablement.ToggleRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Hands the cMetal customer switch events, validated, to enablement. */
@Component
class DashboardTogglesListener {

	private final CloudEventReader reader;

	private final ProcessedEvents processedEvents;

	private final CustomerSwitch customerSwitch;

	DashboardTogglesListener(CloudEventReader reader, ProcessedEvents processedEvents, CustomerSwitch customerSwitch) {
		this.reader = reader;
		this.processedEvents = processedEvents;
		this.customerSwitch = customerSwitch;
	}

	@KafkaListener(id = "dashboard-toggles", topics = "${port25.topics.dashboard-toggles}")
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		CloudEvent event = reader.read(record);
		if (!processedEvents.claim(event, record.topic())) {
			return;
		}
		if (!EventTypes.TOGGLE_REQUESTED.equals(event.getType())) {
			throw InvalidEventException.unknownType(event, record.topic());
		}
		customerSwitch.toggle(reader.data(event, ToggleRequested.class), event.getId());
	}

}
