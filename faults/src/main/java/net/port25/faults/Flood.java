package net.port25.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import net.port25.bench.launch.ManagedProcess;
import net.port25.bench.load.Events.Event;
import net.port25.bench.load.Latencies;
import net.port25.bench.load.Outputs;
import net.port25.bench.load.Topics;
import net.port25.bench.load.Traffic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The bad-input flood: every {@link BadInput} record sent as fast as a producer can,
 * while good requests go in at a steady rate beside them; then each bad record is looked
 * for on its topic's dead-letter topic (by its original topic, partition and offset,
 * which the dead letter's headers name) with a reason, and the good requests' latency to
 * IN_REVIEW tells whether the flood held them up.
 */
final class Flood {

	static final String REASON_HEADER = "port25-dlt-reason";

	private final Traffic traffic;

	private final Outputs outputs;

	private final String bootstrapServers;

	private final List<Event> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** What the flood did. */
	record Result(Map<String, Object> numbers, long badSent, long deadLettered, long withoutReason, long goodMissing,
			Map<String, Long> latencies, List<Event> goodSent) {
	}

	Flood(Traffic traffic, Outputs outputs, String bootstrapServers) {
		this.traffic = traffic;
		this.outputs = outputs;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Sends a third of {@code good} alone at {@code goodPerSecond} (the baseline), then
	 * the rest among the flood of {@code bad}, spread evenly between its records: each
	 * behind bad ones in its partition.
	 */
	Result run(List<BadInput.Bad> bad, List<Event> allGood, double goodPerSecond) {
		List<Event> alone = allGood.subList(0, allGood.size() / 3);
		List<Event> good = allGood.subList(allGood.size() / 3, allGood.size());
		Faults.log("flood baseline: %d good requests at %.0f/s alone", alone.size(), goodPerSecond);
		Latencies baseline = new Latencies();
		List<String> baselineOutcomes = sendGood(alone, goodPerSecond, baseline);
		boolean baselineComplete = this.outputs.awaitEach(baselineOutcomes, Duration.ofMinutes(3));
		Faults.log("flood: %d bad records at full speed with %d good requests among them", bad.size(), good.size());
		Map<String, String> categoryOf = new ConcurrentHashMap<>();
		AtomicLong refused = new AtomicLong();
		long started = System.nanoTime();
		Latencies latencies = new Latencies();
		List<String> outcomes = new ArrayList<>();
		int every = Math.max(1, bad.size() / Math.max(1, good.size()));
		sendBad(bad, categoryOf, refused, (i) -> {
			if (i % every == 0 && i / every < good.size()) {
				outcomes.add(sendGood(good.get(i / every), latencies));
			}
		});
		double sendSeconds = Faults.seconds(started);
		boolean goodComplete = this.outputs.awaitEach(outcomes, Duration.ofMinutes(3));
		long goodMissing = (goodComplete ? 0 : outcomes.size() - latencies.count())
				+ (baselineComplete ? 0 : baselineOutcomes.size() - baseline.count());

		Map<String, Long> sentByCategory = new LinkedHashMap<>();
		categoryOf.values().forEach((category) -> sentByCategory.merge(category, 1L, Long::sum));
		Set<String> deadLettered = new HashSet<>();
		long withoutReason = 0;
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		List<String> dlts = Topics.INBOUND.stream().map((topic) -> topic + ".DLT").toList();
		do {
			deadLettered.clear();
			withoutReason = 0;
			for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(this.bootstrapServers, dlts)) {
				String original = original(record);
				if (original != null && categoryOf.containsKey(original)) {
					deadLettered.add(original);
					if (record.headers().lastHeader(REASON_HEADER) == null) {
						withoutReason++;
					}
				}
			}
			if (deadLettered.size() < categoryOf.size()) {
				ManagedProcess.sleep(Duration.ofSeconds(5));
			}
		}
		while (deadLettered.size() < categoryOf.size() && System.nanoTime() < deadline);
		double floodSeconds = Faults.seconds(started);

		Map<String, Long> missingByCategory = new LinkedHashMap<>();
		categoryOf.forEach((original, category) -> {
			if (!deadLettered.contains(original)) {
				missingByCategory.merge(category, 1L, Long::sum);
			}
		});
		Map<String, Object> numbers = new LinkedHashMap<>();
		numbers.put("badSent", categoryOf.size());
		numbers.put("badRefusedByBroker", refused.get());
		numbers.put("badSentByCategory", sentByCategory);
		numbers.put("deadLettered", deadLettered.size());
		numbers.put("deadLetteredWithoutReason", withoutReason);
		numbers.put("notDeadLetteredByCategory", missingByCategory);
		numbers.put("sendSeconds", sendSeconds);
		numbers.put("untilAllDeadLetteredSeconds", floodSeconds);
		numbers.put("goodEventsAlone", alone.size());
		numbers.put("goodEventsDuringFlood", outcomes.size());
		numbers.put("goodMissing", goodMissing);
		numbers.put("goodLatencyMs", latencies.summary());
		numbers.put("goodLatencyWithoutFloodMs", baseline.summary());
		return new Result(numbers, categoryOf.size(), deadLettered.size(), withoutReason, goodMissing,
				latencies.summary(), List.copyOf(this.sent));
	}

	/** Sends {@code good} at the rate, each expected IN_REVIEW; returns the outcomes. */
	private List<String> sendGood(List<Event> good, double perSecond, Latencies latencies) {
		List<String> outcomes = new ArrayList<>();
		this.traffic.sendAtRate(perSecond, Duration.ofMillis((long) Math.ceil(good.size() * 1000 / perSecond) + 1),
				(i) -> {
					if (i < good.size()) {
						outcomes.add(sendGood(good.get((int) i), latencies));
					}
				});
		return outcomes;
	}

	private String sendGood(Event event, Latencies latencies) {
		String outcome = Outputs.accessChanged(event.key(), "IN_REVIEW");
		this.outputs.expect(outcome, System.currentTimeMillis(), latencies);
		this.traffic.send(event);
		this.sent.add(event);
		return outcome;
	}

	/** Sends the bad records, calling {@code between} with each one's index before it. */
	private void sendBad(List<BadInput.Bad> bad, Map<String, String> categoryOf, AtomicLong refused,
			java.util.function.IntConsumer between) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024, ProducerConfig.LINGER_MS_CONFIG,
						5),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < bad.size(); i++) {
				BadInput.Bad record = bad.get(i);
				between.accept(i);
				producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()), (metadata, ex) -> {
					if (ex != null) {
						refused.incrementAndGet();
						System.err.println("bad record (" + record.category() + ") not accepted by the broker: " + ex);
					}
					else {
						categoryOf.put(metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset(),
								record.category());
					}
				});
			}
			producer.flush();
			this.traffic.flush();
		}
	}

	/** The original topic, partition and offset a dead letter names. */
	private static String original(ConsumerRecord<String, byte[]> record) {
		Header topic = record.headers().lastHeader("kafka_dlt-original-topic");
		Header partition = record.headers().lastHeader("kafka_dlt-original-partition");
		Header offset = record.headers().lastHeader("kafka_dlt-original-offset");
		if (topic == null || partition == null || offset == null) {
			return null;
		}
		return new String(topic.value(), StandardCharsets.UTF_8) + "/" + ByteBuffer.wrap(partition.value()).getInt()
				+ "/" + ByteBuffer.wrap(offset.value()).getLong();
	}

}
