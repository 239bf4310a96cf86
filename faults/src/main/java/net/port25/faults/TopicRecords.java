package net.port25.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record of some topics, read end to end (from the beginning to the end offsets).
 */
final class TopicRecords {

	private TopicRecords() {
	}

	static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, List<String> topics) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
						ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
						ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = topics.stream()
				.flatMap((topic) -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition())))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("could not read " + topics + " to the end within 5 minutes");
				}
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
			return records;
		}
	}

}
