package net.port25.workflow.events;

import java.util.List;
import java.util.Map;

import net.port25.workflow.EventTypes;
import net.port25.workflow.revocation.AbuseDetected;
import net.port25.workflow.revocation.AbuseHandling;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands abuse reports, validated, to revocation, the reports of one poll in one
 * transaction ({@link InboundEvents#acceptAllTogether}): an abuse storm is mostly reports
 * for addresses without access, each a few statements.
 */
@Component
class AbuseEventsListener {

	private final InboundEvents inbound;

	private final Map<String, EventHandler<?>> handlers;

	AbuseEventsListener(InboundEvents inbound, AbuseHandling abuseHandling) {
		this.inbound = inbound;
		this.handlers = EventHandler
			.byType(EventHandler.of(EventTypes.ABUSE_DETECTED, AbuseDetected.class, abuseHandling::handle));
	}

	@KafkaListener(id = "abuse-events", groupId = "${spring.kafka.consumer.group-id}.abuse-events",
			clientIdPrefix = "${spring.kafka.consumer.group-id}.abuse-events", batch = "true",
			topics = "${port25.topics.abuse-events}",
			// at most 100 reports a transaction: a revocation in the middle of a storm is
			// committed (and its port-close command sent) after at most 100 reports
			properties = "max.poll.records=100")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		inbound.acceptAllTogether(records, handlers);
	}

}
