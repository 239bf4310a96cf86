package net.port25.workflow.events;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from its beginning, on all partitions, without joining a group: what a
 * downstream system sees.
 */
final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

	TopicReader(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map(info -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
	}

	/**
	 * Every record with the key read so far, in the order of its partition, once there
	 * are {@code count}.
	 */
	List<ConsumerRecord<String, byte[]>> awaitWithKey(String key, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> {
				consumer.poll(Duration.ofMillis(100)).forEach(read::add);
				return withKey(key);
			}, records -> records.size() >= count);
	}

	/** The records with the key among everything up to the end of the topic now. */
	List<ConsumerRecord<String, byte[]>> allWithKey(String key) {
		for (int emptyPolls = 0; emptyPolls < 3;) {
			var records = consumer.poll(Duration.ofMillis(200));
			records.forEach(read::add);
			emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
		}
		return withKey(key);
	}

	private List<ConsumerRecord<String, byte[]>> withKey(String key) {
		return read.stream().filter(record -> key.equals(record.key())).toList();
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		consumer.close(Duration.ZERO);
	}

}
