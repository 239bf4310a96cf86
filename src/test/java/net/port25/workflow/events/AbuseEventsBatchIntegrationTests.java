package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Abuse reports are applied a poll at a time in one transaction: a report that cannot be
 * applied undoes none of the others polled with it, and each report still has its effect
 * once.
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
