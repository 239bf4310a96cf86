package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.RecordingPorts;
import net.port25.workflow.request.Requests;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Who may say what: an event from a source the configuration does not allow for its type
 * has no effect and is dead-lettered with the reason; an applied event leaves its
 * verified source in the audit trail beside the actor it names.
 */
@IntegrationTest
class EventSourcesIntegrationTests {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Requests requests;

	@Autowired
	AuditTrail audit;

	@Autowired
	RecordingPorts ports;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	ObjectMapper json;

	@Test
	void eventsFromSourcesNotAllowedToSendThemChangeNothingAndAreDeadLettered() throws Exception {
		String requestRef = "SRC-" + UUID.randomUUID();
		String ip = "198.51.100." + (1 + Math.floorMod(requestRef.hashCode(), 250));
		send(topics.requests(), requestRef, submitted(requestRef, ip, "/ticketing"));
		awaitStatus(requestRef, AccessStatus.IN_REVIEW);

		send(topics.requests(), requestRef, event("withdrawn.json", "/evil-client", requestRef));
		send(topics.requests(), requestRef, event("info-provided-cmetal.json", "/somewhere", requestRef));
		ObjectNode abuse = (ObjectNode) json.readTree(event("abuse-critical.json", "/dashboard", null));
		((ObjectNode) abuse.get("data")).put("ipAddress", ip);
		send(topics.abuseEvents(), ip, json.writeValueAsBytes(abuse));

		try (TopicReader requestLetters = new TopicReader(infrastructure.kafkaBootstrapServers(),
				TopicsProperties.deadLetterTopicOf(topics.requests()));
				TopicReader abuseLetters = new TopicReader(infrastructure.kafkaBootstrapServers(),
						TopicsProperties.deadLetterTopicOf(topics.abuseEvents()))) {
			List<ConsumerRecord<String, byte[]>> refused = requestLetters.awaitWithKey(requestRef, 2);
			assertThat(TopicReader.header(refused.get(0), DeadLetters.REASON_HEADER))
				.startsWith("source '/evil-client' may not send port25.request.withdrawn on " + topics.requests())
				.contains("/ticketing");
			assertThat(TopicReader.header(refused.get(1), DeadLetters.REASON_HEADER))
				.startsWith("source '/somewhere' may not send port25.request.info-provided");
			assertThat(TopicReader.header(abuseLetters.awaitWithKey(ip, 1).get(0), DeadLetters.REASON_HEADER))
				.startsWith("source '/dashboard' may not send port25.abuse.detected")
				.contains("/abuse-monitor");
		}
		assertThat(requests.get(requestRef).status()).isEqualTo(AccessStatus.IN_REVIEW);
		assertThat(ports.commandsFor(requests.get(requestRef).serviceId())).isEmpty();
	}

	@Test
	void theAuditTrailKeepsTheVerifiedSourceBesideTheActorTheEventNames() throws Exception {
		String requestRef = "SRC-" + UUID.randomUUID();
		send(topics.requests(), requestRef, submitted(requestRef, "203.0.113.9", "/dashboard"));

		List<AuditEntry> trail = awaitStatus(requestRef, AccessStatus.IN_REVIEW);

		assertThat(trail).isNotEmpty().allSatisfy((entry) -> {
			assertThat(entry.verifiedSource()).isEqualTo("/dashboard");
		});
		assertThat(trail).anySatisfy(
				(entry) -> assertThat(entry.actor()).isEqualTo(Actors.customer(requests.get(requestRef).customerId())));
	}

	private List<AuditEntry> awaitStatus(String requestRef, AccessStatus status) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> requests.find(requestRef).map((record) -> record.status() == status).orElse(false));
		return audit.forRequest(requestRef);
	}

	private byte[] submitted(String requestRef, String ip, String source) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(event("submitted-icolocation.json", source, requestRef));
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("serviceId", "SVC-" + requestRef);
		data.put("customerId", "C-" + requestRef);
		data.putArray("ipAddresses").add(ip);
		return json.writeValueAsBytes(event);
	}

	/** A contract example as a new event from the source, about the request. */
	private byte[] event(String example, String source, String requestRef) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read(example));
		event.put("id", UUID.randomUUID().toString());
		event.put("source", source);
		if (requestRef != null) {
			((ObjectNode) event.get("data")).put("requestRef", requestRef);
		}
		return json.writeValueAsBytes(event);
	}

	private void send(String topic, String key, byte[] value) throws Exception {
		kafka.send(topic, key, value).get();
	}

}
