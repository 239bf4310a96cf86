package net.port25.bench.baseline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import net.port25.bench.load.Events;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Baseline (a): the physical minimum per record on the same broker and database, on one
 * thread. For each record of a full topic: read it, one INSERT and COMMIT, one produce
 * acknowledged by the broker ({@code acks=all}), commit the record's offset (synchronous,
 * as the engine's record acknowledgement does).
 */
public final class PlainConsumerBaseline {

	private static final String IN = "bench.baseline.in";

	private static final String OUT = "bench.baseline.out";

	private PlainConsumerBaseline() {
	}

	/** Records per second. */
	public static double run(String bootstrapServers, String jdbcUrl, String user, int records) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(IN, 6, (short) 1), new NewTopic(OUT, 6, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table baseline_event (event_id text primary key, payload bytea not null, "
					+ "processed_at timestamptz not null default now())");
		}
		try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
			for (int i = 0; i < records; i++) {
				Events.Event event = Events.completeRequest(1_000_000 + i);
				producer.send(new ProducerRecord<>(IN, event.key(), event.value()));
			}
			producer.flush();
			return consume(bootstrapServers, jdbcUrl, user, records, producer);
		}
	}

	private static double consume(String bootstrapServers, String jdbcUrl, String user, int records,
			KafkaProducer<String, byte[]> producer) throws Exception {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"bench-baseline-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
				Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
				PreparedStatement insert = connection
					.prepareStatement("insert into baseline_event (event_id, payload) values (?, ?)")) {
			connection.setAutoCommit(false);
			consumer.subscribe(List.of(IN));
			int done = 0;
			long start = 0;
			long database = 0;
			long produce = 0;
			long offsets = 0;
			while (done < records) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (done == records / 5) {
						// the first fifth warms up the JIT, untimed
						start = System.nanoTime();
						database = 0;
						produce = 0;
						offsets = 0;
					}
					long t0 = System.nanoTime();
					insert(record, insert, connection);
					long t1 = System.nanoTime();
					producer.send(new ProducerRecord<>(OUT, record.key(), record.value())).get();
					long t2 = System.nanoTime();
					consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1)));
					long t3 = System.nanoTime();
					database += t1 - t0;
					produce += t2 - t1;
					offsets += t3 - t2;
					done++;
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf(
					"baseline (a) per record: INSERT+COMMIT %.2f ms, produce %.2f ms, offset commit %.2f ms%n",
					database / 1e6 / done, produce / 1e6 / done, offsets / 1e6 / done);
			return done / seconds;
		}
	}

	private static void insert(ConsumerRecord<String, byte[]> record, PreparedStatement insert, Connection connection)
			throws SQLException {
		insert.setString(1, record.topic() + "-" + record.partition() + "-" + record.offset());
		insert.setBytes(2, record.value());
		insert.executeUpdate();
		try {
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
	}

	private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new ByteArraySerializer());
	}

}
