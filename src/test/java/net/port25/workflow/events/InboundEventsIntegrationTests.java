package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.RecordingPorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.kafka.core.KafkaTemplate;

/** The inbound edge on a real broker: each event id applied once; unreadable records dead-lettered, the rest go on. */
@IntegrationTest
class InboundEventsIntegrationTests {

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
	KafkaConnectionDetails kafkaConnection;

	@Test
	void appliesAnEventSentTwiceOnce() throws Exception {
		String key = "dup-" + UUID.randomUUID();
		byte[] event = submitted(UUID.randomUUID().toString(), "REQ-" + key, "SVC-" + key);

		send(key, event);
		send(key, event);
		String marker = "REQ-marker-" + key;
		send(key, submitted(UUID.randomUUID().toString(), marker, "SVC-marker-" + key));

		awaitInstance(marker);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("REQ-" + key).count())
			.isEqualTo(1);
		assertThat(ports.statusesOf("REQ-" + key)).containsOnlyOnce(AccessStatus.SUBMITTED);
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
			assertThat(deadLetter.value()).as(BAD_EXAMPLES.get(i)).isEqualTo(ContractExamples.read(BAD_EXAMPLES.get(i)));
			assertThat(header(deadLetter, DeadLetterConfiguration.REASON_HEADER)).as(BAD_EXAMPLES.get(i)).isNotBlank();
			assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topics.requests());
		}
		assertThat(header(deadLetters.get(1), DeadLetterConfiguration.REASON_HEADER)).contains("port25.request.teleported");
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
			.until(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestRef).count() == 1);
	}

	private List<ConsumerRecord<String, byte[]>> readDeadLetters(String key, int expected) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafkaConnection.getBootstrapServers()));
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
			String deadLetterTopic = TopicsProperties.deadLetterTopicOf(topics.requests());
			List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic)
				.stream()
				.map(info -> new TopicPartition(deadLetterTopic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
				return found.size() >= expected;
			});
		}
		return found;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
