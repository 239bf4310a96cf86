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
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.RecordingPorts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The inbound edge on a real broker: each event id applied once; unreadable records
 * dead-lettered, the rest go on.
 */
@IntegrationTest
class InboundEventsIntegrationTests {

	private static final int DUPLICATED_EVENTS = 20;

	private static final List<String> BAD_EXAMPLES = List.of("bad/not-json.txt", "bad/unknown-type.json",
			"bad/missing-request-ref.json", "bad/unknown-service-type.json", "bad/invalid-ip.json");

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RecordingPorts ports;

	@Autowired
	ObjectMapper json;

	@Autowired
	Infrastructure infrastructure;

	@Test
	void appliesEachEventOnceWhenEveryOneIsSentTwice() throws Exception {
		String key = "dup-" + UUID.randomUUID();
		List<byte[]> events = new ArrayList<>();
		for (int i = 0; i < DUPLICATED_EVENTS; i++) {
			events.add(submitted(UUID.randomUUID().toString(), "REQ-" + i + "-" + key, "SVC-" + i + "-" + key));
		}
		for (byte[] event : events) {
			send(key, event);
		}
		for (byte[] event : events) {
			send(key, event);
		}
		String marker = "REQ-marker-" + key;
		send(key, submitted(UUID.randomUUID().toString(), marker, "SVC-marker-" + key));

		awaitInstance(marker);
		for (int i = 0; i < DUPLICATED_EVENTS; i++) {
			String requestRef = "REQ-" + i + "-" + key;
			assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestRef).count())
				.as(requestRef)
				.isEqualTo(1);
			assertThat(ports.statusesOf(requestRef)).as(requestRef).containsOnlyOnce(AccessStatus.SUBMITTED);
		}
		try (TopicReader changes = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.accessChanges())) {
			assertThat(changes.awaitWithKey("SVC-0-" + key, 2)).hasSize(2);
		}
	}

	@Test
	void deadLettersEachBadExampleWithItsReasonAndGoesOnWithTheNextRecord() throws Exception {
		String key = "bad-" + UUID.randomUUID();
		for (String example : BAD_EXAMPLES) {
			send(key, ContractExamples.read(example));
		}
		String good = "REQ-after-bad-" + key;
		send(key, submitted(UUID.randomUUID().toString(), good, "SVC-" + key));

		awaitInstance(good);
		List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(key, BAD_EXAMPLES.size());
		assertThat(deadLetters).hasSize(BAD_EXAMPLES.size());
		for (int i = 0; i < BAD_EXAMPLES.size(); i++) {
			ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(i);
			assertThat(deadLetter.value()).as(BAD_EXAMPLES.get(i))
				.isEqualTo(ContractExamples.read(BAD_EXAMPLES.get(i)));
			assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_HEADER)).as(BAD_EXAMPLES.get(i)).isNotBlank();
			assertThat(TopicReader.header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topics.requests());
			assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
			assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
		}
		assertThat(TopicReader.header(deadLetters.get(1), DeadLetters.REASON_HEADER))
			.contains("port25.request.teleported");
	}

	private byte[] submitted(String eventId, String requestRef, String serviceId) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read("submitted-icolocation.json"));
		event.put("id", eventId);
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("requestRef", requestRef);
		data.put("serviceId", serviceId);
		data.putArray("ipAddresses").add("192.0.2." + (1 + Math.floorMod(serviceId.hashCode(), 250)));
		return json.writeValueAsBytes(event);
	}

	private void send(String key, byte[] value) throws Exception {
		kafka.send(topics.requests(), key, value).get();
	}

	private void awaitInstance(String requestRef) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(requestRef)
				.count() == 1);
	}

	private List<ConsumerRecord<String, byte[]>> readDeadLetters(String key, int expected) {
		try (TopicReader deadLetters = new TopicReader(infrastructure.kafkaBootstrapServers(),
				TopicsProperties.deadLetterTopicOf(topics.requests()))) {
			return deadLetters.awaitWithKey(key, expected);
		}
	}

}
