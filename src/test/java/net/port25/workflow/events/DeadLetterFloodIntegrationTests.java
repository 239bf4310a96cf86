package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * A flood of unreadable records on every inbound topic that has a listener, the largest
 * the broker takes among them, with one good event behind each flood: every bad record
 * reaches its dead-letter topic, fast, and the good events are applied. The numbers are
 * printed; {@code -Dport25.flood.records=N} changes the flood's size per topic (10,000 by
 * default).
 */
@IntegrationTest
class DeadLetterFloodIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterFloodIntegrationTests.class);

	private static final int RECORDS_PER_TOPIC = Integer.getInteger("port25.flood.records", 10_000);

	/** Every this many records one is as large as the broker takes (about 1 MB). */
	private static final int LARGE_EVERY = 1_000;

	/**
	 * The broker's default record batch limit is 1 MiB + 12 bytes; what fits under it.
	 */
	private static final int LARGE_SIZE = 1_048_000;

	private static final double MIN_RATE_PER_SECOND = 500;

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private static final Map<String, String> GOOD_EXAMPLES = Map.of("port25.request.submitted",
			"submitted-icolocation.json", "port25.toggle.requested", "toggle-enable-cmetal.json",
			"port25.abuse.detected", "abuse-low.json", "port25.service.changed", "inventory-cmetal-active.json");

	/**
	 * The flood's sender: the application's producer gives up on a record after 8 s (it
	 * must, before an outbox pass does); 40,000 records with 40 of a megabyte can take
	 * longer than that to hand to a broker on a busy 2-core box.
	 */
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	private final Random random = new Random(25);

	@Autowired
	void floodSender(ProducerFactory<String, byte[]> producers) {
		this.kafka = new KafkaTemplate<>(producers,
				Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
						ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.MAX_BLOCK_MS_CONFIG,
						(int) TIMEOUT.toMillis()));
	}

	@Test
	void deadLettersFloodsOfUnreadableRecordsFastAndAppliesTheGoodEventsBehindThem() throws Exception {
		List<String> flooded = listenedInboundTopics();
		assertThat(flooded).contains(topics.requests(), topics.dashboardToggles(), topics.abuseEvents());
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (KafkaConsumer<String, byte[]> deadLetters = deadLetterConsumer(flooded)) {
			long start = System.nanoTime();
			Map<String, String> goodEventIds = new LinkedHashMap<>();
			List<CompletableFuture<?>> sends = new ArrayList<>();
			for (String topic : flooded) {
				for (int i = 0; i < RECORDS_PER_TOPIC; i++) {
					sends.add(kafka.send(topic, "flood-" + run + "-" + i, unreadable(topic, i)));
				}
			}
			for (String topic : flooded) {
				String eventId = UUID.randomUUID().toString();
				sends.add(kafka.send(topic, "good-" + run, good(topic, eventId, run)));
				goodEventIds.put(topic, eventId);
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
			double sentAfter = seconds(start);

			Flood flood = await(deadLetters, run, flooded, goodEventIds, start);

			log.warn("Flood: {} unreadable records per topic ({} of {} bytes each) on {} topics, sent in {} s",
					RECORDS_PER_TOPIC, RECORDS_PER_TOPIC / LARGE_EVERY, LARGE_SIZE, flooded.size(),
					String.format("%.1f", sentAfter));
			for (String topic : flooded) {
				log.warn(
						"Flood on {}: {} dead-lettered in {} s ({} records/s); good event behind it applied after {} s",
						topic, flood.deadLettered(topic), format(flood.drainedAfter(topic)),
						String.format("%.0f", RECORDS_PER_TOPIC / flood.drainedAfter(topic)),
						format(flood.goodAppliedAfter(topic)));
			}
			log.warn("Flood in all: {} records dead-lettered in {} s ({} records/s)",
					RECORDS_PER_TOPIC * flooded.size(), format(flood.lastDrained()),
					String.format("%.0f", RECORDS_PER_TOPIC * flooded.size() / flood.lastDrained()));
			for (String topic : flooded) {
				assertThat(flood.deadLettered(topic)).as(topic).isEqualTo(RECORDS_PER_TOPIC);
				assertThat(RECORDS_PER_TOPIC / flood.drainedAfter(topic)).as("dead letters per second on " + topic)
					.isGreaterThanOrEqualTo(MIN_RATE_PER_SECOND);
				assertThat(flood.goodAppliedAfter(topic)).as("good event on " + topic + " applied after (s)")
					.isLessThan(flood.drainedAfter(topic) + 5);
			}
		}
	}

	private Flood await(KafkaConsumer<String, byte[]> deadLetters, String run, List<String> flooded,
			Map<String, String> goodEventIds, long start) {
		Flood flood = new Flood();
		String prefix = "flood-" + run + "-";
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!flood.isComplete(flooded) && System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : deadLetters.poll(Duration.ofMillis(200))) {
				if (record.key() != null && record.key().startsWith(prefix)) {
					String source = record.topic().substring(0, record.topic().length() - ".DLT".length());
					flood.deadLettered.merge(source, 1, Integer::sum);
					if (flood.deadLettered(source) == RECORDS_PER_TOPIC) {
						flood.drainedAfter.put(source, seconds(start));
					}
				}
			}
			goodEventIds.forEach((topic, eventId) -> {
				if (!flood.goodAppliedAfter.containsKey(topic) && isApplied(eventId)) {
					flood.goodAppliedAfter.put(topic, seconds(start));
				}
			});
		}
		assertThat(flood.drainedAfter.keySet())
			.as("topics whose flood was dead-lettered within " + TIMEOUT + " (dead letters seen: " + flood.deadLettered
					+ ")")
			.containsExactlyInAnyOrderElementsOf(flooded);
		assertThat(flood.goodAppliedAfter.keySet()).as("topics whose good event was applied")
			.containsExactlyInAnyOrderElementsOf(flooded);
		return flood;
	}

	private List<String> listenedInboundTopics() {
		Set<String> listened = listeners.getListenerContainers()
			.stream()
			.flatMap(container -> java.util.Arrays.stream(container.getContainerProperties().getTopics()))
			.collect(Collectors.toSet());
		return topics.inbound().stream().filter(listened::contains).toList();
	}

	/**
	 * Cycles through the ways a record can be unreadable; every {@link #LARGE_EVERY}th is
	 * as large as the broker takes, half of them an event whose type is that large text.
	 */
	private byte[] unreadable(String topic, int i) {
		if (i % LARGE_EVERY == LARGE_EVERY - 1) {
			return (i / LARGE_EVERY) % 2 == 0 ? randomBytes(LARGE_SIZE)
					: envelope("x".repeat(LARGE_SIZE - 200), "{}").getBytes(StandardCharsets.UTF_8);
		}
		return switch (i % 5) {
			case 0 -> randomBytes(20 + random.nextInt(200));
			case 1 -> "{\"hello\":\"not a cloud event\"}".getBytes(StandardCharsets.UTF_8);
			case 2 -> envelope("port25.unknown.type", "{}").getBytes(StandardCharsets.UTF_8);
			case 3 -> envelope(typeOf(topic), "{\"requestRef\":7,\"serviceId\":[],\"customerId\":{}}")
				.getBytes(StandardCharsets.UTF_8);
			default -> envelope(typeOf(topic), "\"not an object\"").getBytes(StandardCharsets.UTF_8);
		};
	}

	private String typeOf(String topic) {
		return GOOD_EXAMPLES.keySet()
			.stream()
			.filter(type -> exampleTopic(type).equals(topic))
			.findFirst()
			.orElseThrow();
	}

	private String exampleTopic(String type) {
		return switch (type) {
			case "port25.request.submitted" -> topics.requests();
			case "port25.toggle.requested" -> topics.dashboardToggles();
			case "port25.abuse.detected" -> topics.abuseEvents();
			default -> topics.inventory();
		};
	}

	private static String envelope(String type, String data) {
		return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/flood\",\"type\":\"" + type
				+ "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
	}

	private byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		bytes[0] = '#';
		return bytes;
	}

	/** The topic's contract example as a new event about a service nobody knows. */
	private byte[] good(String topic, String eventId, String run) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read(GOOD_EXAMPLES.get(typeOf(topic))));
		event.put("id", eventId);
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("serviceId", "FLOOD-" + run);
		if (data.has("requestRef")) {
			data.put("requestRef", "FLOOD-" + run);
		}
		if (data.has("ipAddresses")) {
			data.putArray("ipAddresses").add("198.51.100." + (1 + random.nextInt(250)));
		}
		return json.writeValueAsBytes(event);
	}

	private boolean isApplied(String eventId) {
		return jdbc.sql("select count(*) from processed_event where event_id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single() > 0;
	}

	private KafkaConsumer<String, byte[]> deadLetterConsumer(List<String> flooded) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "flood-" + UUID.randomUUID(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : flooded) {
			String deadLetterTopic = TopicsProperties.deadLetterTopicOf(topic);
			consumer.partitionsFor(deadLetterTopic)
				.forEach(info -> partitions.add(new TopicPartition(deadLetterTopic, info.partition())));
		}
		consumer.assign(partitions);
		// only what this run dead-letters: earlier tests may have left records there
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static String format(double seconds) {
		return String.format("%.1f", seconds);
	}

	private static final class Flood {

		final Map<String, Integer> deadLettered = new HashMap<>();

		final Map<String, Double> drainedAfter = new HashMap<>();

		final Map<String, Double> goodAppliedAfter = new HashMap<>();

		int deadLettered(String topic) {
			return deadLettered.getOrDefault(topic, 0);
		}

		double drainedAfter(String topic) {
			return drainedAfter.get(topic);
		}

		double goodAppliedAfter(String topic) {
			return goodAppliedAfter.get(topic);
		}

		double lastDrained() {
			return drainedAfter.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		}

		boolean isComplete(List<String> flooded) {
			return drainedAfter.keySet().containsAll(flooded) && goodAppliedAfter.keySet().containsAll(flooded);
		}

	}

}
