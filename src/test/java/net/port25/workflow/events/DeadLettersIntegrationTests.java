package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * {@link DeadLetters} on a real broker: a dead letter always fits (cut where it must, and
 * saying so), its reason is bounded and carries no stack trace, and it lands on a
 * dead-letter topic whatever that topic's partitions and size limit.
 */
@IntegrationTest
class DeadLettersIntegrationTests {

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	InboundProperties inbound;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	Infrastructure infrastructure;

	@Test
	void keepsTheRecordsPartitionWhereTheDeadLetterTopicHasItElseTheKeyChoosesOne() {
		String topic = newTopics(6, 2, Map.of());

		deadLetters.accept(record(topic, 1, "key-1", "one".getBytes(StandardCharsets.UTF_8)), invalid("bad"));
		deadLetters.accept(record(topic, 5, "key-5", "five".getBytes(StandardCharsets.UTF_8)), invalid("bad"));

		ConsumerRecord<String, byte[]> kept = deadLetter(topic, "key-1");
		ConsumerRecord<String, byte[]> moved = deadLetter(topic, "key-5");
		assertThat(kept.partition()).isEqualTo(1);
		assertThat(moved.partition()).isBetween(0, 1);
		assertThat(ByteBuffer.wrap(moved.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
			.isEqualTo(5);
		assertThat(moved.value()).isEqualTo("five".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void cutsARecordThatWouldBeTooLargeAndSaysWhatWasCut() {
		String topic = newTopics(1, 1, Map.of());
		byte[] value = new byte[1_048_000];
		Arrays.fill(value, (byte) 'v');
		ConsumerRecord<String, byte[]> record = record(topic, 0, "large", value);
		record.headers().add("x-trace", new byte[100_000]);

		deadLetters.accept(record, invalid("unknown event type '" + "t".repeat(300_000) + "'"));

		ConsumerRecord<String, byte[]> deadLetter = deadLetter(topic, "large");
		assertThat(TopicReader.header(deadLetter, DeadLetters.TRUNCATED_HEADER)).contains("value cut from 1048000");
		assertThat(deadLetter.value()).isNotEmpty();
		assertThat(Arrays.equals(deadLetter.value(), Arrays.copyOf(value, deadLetter.value().length))).isTrue();
		assertThat(size(deadLetter)).isLessThanOrEqualTo(inbound.deadLetter().maxRecordBytes());
	}

	@Test
	void boundsTheReasonAndAttachesNoStackTrace() {
		String topic = newTopics(1, 1, Map.of());

		deadLetters.accept(record(topic, 0, "echo", "{}".getBytes(StandardCharsets.UTF_8)),
				invalid("unknown event type '" + "t".repeat(300_000) + "'"));

		ConsumerRecord<String, byte[]> deadLetter = deadLetter(topic, "echo");
		assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_HEADER))
			.hasSizeLessThanOrEqualTo(inbound.deadLetter().maxReasonLength())
			.startsWith("unknown event type 'ttt");
		assertThat(deadLetter.headers().headers("kafka_dlt-exception-stacktrace")).isEmpty();
		assertThat(deadLetter.headers().headers("kafka_dlt-exception-message")).isEmpty();
		assertThat(TopicReader.header(deadLetter, "kafka_dlt-exception-fqcn"))
			.isEqualTo(InvalidEventException.class.getName());
	}

	@Test
	void leavesTheValueOutWhereTheDeadLetterTopicTakesLessThanTheLimit() {
		String topic = newTopics(1, 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "20000"));
		byte[] value = new byte[100_000];

		deadLetters.accept(record(topic, 0, "refused", value), invalid("bad"));

		ConsumerRecord<String, byte[]> deadLetter = deadLetter(topic, "refused");
		assertThat(deadLetter.value()).isNull();
		assertThat(TopicReader.header(deadLetter, DeadLetters.TRUNCATED_HEADER)).contains("too large");
		assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_HEADER)).isEqualTo("bad");
	}

	/** A source topic and its dead-letter topic; returns the source's name. */
	private String newTopics(int partitions, int deadLetterPartitions, Map<String, String> deadLetterConfig) {
		String topic = "dead-letters-" + UUID.randomUUID();
		kafkaAdmin.createOrModifyTopics(TopicBuilder.name(topic).partitions(partitions).replicas(1).build(),
				TopicBuilder.name(TopicsProperties.deadLetterTopicOf(topic))
					.partitions(deadLetterPartitions)
					.replicas(1)
					.configs(deadLetterConfig)
					.build());
		return topic;
	}

	private static ConsumerRecord<String, byte[]> record(String topic, int partition, String key, byte[] value) {
		return new ConsumerRecord<>(topic, partition, 42, key, value);
	}

	private static InvalidEventException invalid(String reason) {
		return new InvalidEventException(reason);
	}

	private ConsumerRecord<String, byte[]> deadLetter(String topic, String key) {
		try (TopicReader reader = new TopicReader(infrastructure.kafkaBootstrapServers(),
				TopicsProperties.deadLetterTopicOf(topic))) {
			List<ConsumerRecord<String, byte[]>> found = reader.awaitWithKey(key, 1);
			return found.get(0);
		}
	}

	private static int size(ConsumerRecord<String, byte[]> record) {
		int size = record.key().length() + (record.value() == null ? 0 : record.value().length);
		for (Header header : record.headers()) {
			size += header.key().length() + header.value().length;
		}
		return size;
	}

}
