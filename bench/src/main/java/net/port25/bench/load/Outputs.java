package net.port25.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the engine answers, with a real consumer on {@code port25.access.changes}
 * and {@code port25.network.commands} (every partition, from the end at start), and
 * matches each record to the inbound event that was expected to cause it: a latency is
 * the time from the inbound record's timestamp to the moment this consumer read the
 * outcome. Also notices an outcome that arrives twice under different CloudEvent ids (an
 * event applied twice; a redelivery by the outbox keeps its id).
 */
public final class Outputs implements AutoCloseable {

	private static final ObjectMapper json = new ObjectMapper();

	private final KafkaConsumer<String, byte[]> consumer;

	private final Map<String, Expectation> expected = new ConcurrentHashMap<>();

	private final Map<String, String> seenIds = new ConcurrentHashMap<>();

	private final AtomicLong appliedTwice = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	private record Expectation(long sentAt, Latencies latencies) {
	}

	public Outputs(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = List.of(Topics.ACCESS_CHANGES, Topics.NETWORK_COMMANDS)
			.stream()
			.flatMap((topic) -> this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition())))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
		this.thread = new Thread(this::run, "outputs");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** The outcome key of an access change: the request and its new state. */
	public static String accessChanged(String requestRef, String status) {
		return requestRef + ":" + status;
	}

	public static String portClosed(String requestRef) {
		return requestRef + ":port.close";
	}

	/** Records the latency of {@code outcome} from {@code sentAt} when it arrives. */
	public void expect(String outcome, long sentAt, Latencies latencies) {
		this.expected.put(outcome, new Expectation(sentAt, latencies));
	}

	/** Whether no expected outcome is still missing. */
	public int pending() {
		return this.expected.size();
	}

	/**
	 * Forgets the outcomes still expected (they are counted as missing by the caller).
	 */
	public int forgetPending() {
		int missing = this.expected.size();
		this.expected.clear();
		return missing;
	}

	public long appliedTwice() {
		return this.appliedTwice.get();
	}

	/**
	 * Waits until each of {@code outcomes} has arrived (others may still be expected), or
	 * the timeout passed.
	 */
	public boolean awaitEach(java.util.Collection<String> outcomes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (outcomes.stream().anyMatch(this.expected::containsKey) && System.nanoTime() < deadline) {
			sleep(50);
		}
		return outcomes.stream().noneMatch(this.expected::containsKey);
	}

	/** Waits until every expected outcome has arrived, or the timeout passed. */
	public boolean awaitAll(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.expected.isEmpty() && System.nanoTime() < deadline) {
			sleep(50);
		}
		return this.expected.isEmpty();
	}

	private void run() {
		while (this.running) {
			var records = this.consumer.poll(Duration.ofMillis(100));
			long now = System.currentTimeMillis();
			for (ConsumerRecord<String, byte[]> record : records) {
				String outcome = outcomeOf(record);
				if (outcome == null) {
					continue;
				}
				Expectation expectation = this.expected.remove(outcome);
				if (expectation != null) {
					expectation.latencies().add(now - expectation.sentAt());
				}
			}
		}
		this.consumer.close();
	}

	private String outcomeOf(ConsumerRecord<String, byte[]> record) {
		try {
			JsonNode event = json.readTree(record.value());
			String type = event.path("type").asText();
			JsonNode data = event.path("data");
			String outcome = switch (type) {
				case "port25.access.changed" ->
					accessChanged(data.path("requestRef").asText(), data.path("status").asText());
				case "port25.port.close" -> portClosed(data.path("requestRef").asText());
				default -> null;
			};
			if (outcome != null) {
				String id = event.path("id").asText();
				String first = this.seenIds.putIfAbsent(outcome, id);
				if (first != null && !first.equals(id)) {
					this.appliedTwice.incrementAndGet();
				}
			}
			return outcome;
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
