package net.port25.workflow.events;

import java.util.List;
import java.util.Map;

import net.port25.workflow.EventTypes;
import net.port25.workflow.enablement.CustomerSwitch;
import net.port25.workflow.enablement.ToggleRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands the cMetal customer switch events, validated, to enablement. */
@Component
class DashboardTogglesListener {

	private final InboundEvents inbound;

	private final Map<String, EventHandler<?>> handlers;

	DashboardTogglesListener(InboundEvents inbound, CustomerSwitch customerSwitch) {
		this.inbound = inbound;
		this.handlers = EventHandler
			.byType(EventHandler.of(EventTypes.TOGGLE_REQUESTED, ToggleRequested.class, customerSwitch::toggle));
	}

	@KafkaListener(id = "dashboard-toggles", groupId = "${spring.kafka.consumer.group-id}.dashboard-toggles",
			clientIdPrefix = "${spring.kafka.consumer.group-id}.dashboard-toggles", batch = "true",
			topics = "${port25.topics.dashboard-toggles}")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		inbound.acceptAll(records, handlers);
	}

}
