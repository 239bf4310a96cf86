package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.EventTypes;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.revocation.AbuseDetected;
import net.port25.workflow.revocation.AbuseHandling;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Abuse reports are applied a poll at a time in one transaction: a report that cannot be
 * read or applied undoes none of the others polled with it, and each report still has its
 * effect once.
 */
@IntegrationTest
class AbuseEventsBatchIntegrationTests {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	AuditTrail audit;

	@Autowired
	ObjectMapper json;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	InboundEvents inbound;

	@Autowired
	AbuseHandling abuseHandling;

	@Test
	void reportsPolledWithAnUnreadableOneKeepTheirEffectOnceAndOnlyThatOneIsDeadLettered() throws Exception {
		String serviceId = "COLO-" + UUID.randomUUID();
		List<byte[]> reports = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			reports.add(report(serviceId));
		}
		byte[] unreadable = ContractExamples.read("bad/not-json.txt");
		// one key, so one partition, sent back to back: polled together
		for (int i = 0; i < 3; i++) {
			send(serviceId, reports.get(i));
		}
		send(serviceId, unreadable);
		send(serviceId, reports.get(3));
		send(serviceId, reports.get(4));
		send(serviceId, reports.get(0));

		await().atMost(Duration.ofSeconds(30)).until(() -> audit.forService(serviceId).size() >= 5);
		List<String> applied = audit.forService(serviceId).stream().map(AuditEntry::sourceEventId).toList();
		List<String> sent = new ArrayList<>();
		for (byte[] report : reports) {
			sent.add(json.readTree(report).get("id").asText());
		}
		assertThat(applied).containsExactlyInAnyOrderElementsOf(sent);
		try (TopicReader deadLetters = new TopicReader(infrastructure.kafkaBootstrapServers(),
				TopicsProperties.deadLetterTopicOf(topics.abuseEvents()))) {
			List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitWithKey(serviceId, 1);
			assertThat(dead).singleElement().satisfies((record) -> assertThat(record.value()).isEqualTo(unreadable));
		}
	}

	@Test
	void aReportThatFailsRollsItsPollBackAndThoseBeforeItAreAppliedOnceOneByOne() throws Exception {
		String serviceId = "COLO-" + UUID.randomUUID();
		List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			poll.add(new ConsumerRecord<>(topics.abuseEvents(), 0, i, serviceId, report(serviceId)));
		}
		String failing = json.readTree(poll.get(2).value()).get("id").asText();
		Map<String, EventHandler<?>> handlers = EventHandler
			.byType(EventHandler.of(EventTypes.ABUSE_DETECTED, AbuseDetected.class, (abuse, eventId) -> {
				if (eventId.equals(failing)) {
					throw new IllegalStateException("a defect while applying " + eventId);
				}
				abuseHandling.handle(abuse, eventId);
			}));

		assertThatThrownBy(() -> inbound.acceptAllTogether(poll, handlers)).isInstanceOfSatisfying(
				BatchListenerFailedException.class, (ex) -> assertThat(ex.getRecord()).isSameAs(poll.get(2)));

		// the first pass applied the first two and was rolled back: they are applied
		// again, once; the failing one and the one after it are the error handler's
		List<String> applied = audit.forService(serviceId).stream().map(AuditEntry::sourceEventId).toList();
		assertThat(applied).containsExactlyInAnyOrder(json.readTree(poll.get(0).value()).get("id").asText(),
				json.readTree(poll.get(1).value()).get("id").asText());
	}

	private byte[] report(String serviceId) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read("abuse-low.json"));
		event.put("id", UUID.randomUUID().toString());
		((ObjectNode) event.get("data")).put("serviceId", serviceId);
		return json.writeValueAsBytes(event);
	}

	private void send(String key, byte[] value) throws Exception {
		kafka.send(topics.abuseEvents(), key, value).get();
	}

}
