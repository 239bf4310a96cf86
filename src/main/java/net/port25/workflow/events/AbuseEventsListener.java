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
 * for addresses without access, each a few statements. A second listener, in a consumer
 * group of its own, applies the reports that revoke granted access at once ahead of them
 * ({@link InboundEvents#applyAhead}): it reads a storm thousands of reports a second,
 * where applying every report is several times slower, so a revocation waits for its poll
 * to be read, not for the reports before it to be applied.
 */
@Component
class AbuseEventsListener {

	private final InboundEvents inbound;

	private final EventHandler<AbuseDetected> handler;

	private final Map<String, EventHandler<?>> handlers;

	private final AbuseHandling abuseHandling;

	AbuseEventsListener(InboundEvents inbound, AbuseHandling abuseHandling) {
		this.inbound = inbound;
		this.abuseHandling = abuseHandling;
		this.handler = EventHandler.of(EventTypes.ABUSE_DETECTED, AbuseDetected.class, abuseHandling::handle);
		this.handlers = EventHandler.byType(handler);
	}

	@KafkaListener(id = "abuse-events", groupId = "${spring.kafka.consumer.group-id}.abuse-events",
			clientIdPrefix = "${spring.kafka.consumer.group-id}.abuse-events", batch = "true",
			topics = "${port25.topics.abuse-events}", concurrency = "${port25.inbound.abuse-events-concurrency}",
			// at most 100 reports a transaction: a revocation in the middle of a storm is
			// committed (and its port-close command sent) after at most 100 reports
			properties = "max.poll.records=100")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		inbound.acceptAllTogether(records, handlers);
	}

	@KafkaListener(id = "abuse-revocations", groupId = "${spring.kafka.consumer.group-id}.abuse-revocations",
			clientIdPrefix = "${spring.kafka.consumer.group-id}.abuse-revocations", batch = "true",
			topics = "${port25.topics.abuse-events}")
	void revokeAhead(List<ConsumerRecord<String, byte[]>> records) {
		inbound.applyAhead(records, handler, abuseHandling::revokingAtOnce);
	}

}
