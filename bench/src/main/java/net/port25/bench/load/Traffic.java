package net.port25.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The load generator: a real Kafka producer ({@code acks=all}, idempotent) that sends
 * inbound events at a fixed offered rate, or all at once. Each record's timestamp (its
 * Kafka CreateTime) is the moment it was handed to the producer; latencies are measured
 * from there.
 */
public final class Traffic implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	private final java.util.concurrent.atomic.AtomicLong failedSends = new java.util.concurrent.atomic.AtomicLong();

	public Traffic(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** Sends one event now; returns its timestamp. */
	public long send(Events.Event event) {
		long now = System.currentTimeMillis();
		send(event, now);
		return now;
	}

	/** Sends one event with the given timestamp (now, as the caller read the clock). */
	public void send(Events.Event event, long timestamp) {
		send(event, null, timestamp);
	}

	/**
	 * Sends one event now to a given partition of its topic (a probe of that partition);
	 * returns its timestamp.
	 */
	public long sendTo(Events.Event event, int partition) {
		long now = System.currentTimeMillis();
		send(event, partition, now);
		return now;
	}

	/** How many records the producer gave up on (the broker was unreachable too long). */
	public long failedSends() {
		return this.failedSends.get();
	}

	private void send(Events.Event event, Integer partition, long timestamp) {
		this.producer.send(new ProducerRecord<>(event.topic(), partition, timestamp, event.key(), event.value()),
				(metadata, ex) -> {
					if (ex != null) {
						this.failedSends.incrementAndGet();
						System.err.println("send failed: " + ex);
					}
				});
	}

	/**
	 * Sends {@code eventsPerSecond} for {@code duration}: event {@code i} (from 0) is
	 * sent by {@code next.accept(i)} at {@code start + i / rate}. Returns the number
	 * sent.
	 */
	public long sendAtRate(double eventsPerSecond, Duration duration, LongConsumer next) {
		return sendAtRate(eventsPerSecond, duration, next, () -> false);
	}

	/**
	 * As {@link #sendAtRate(double, Duration, LongFunction)}, but stops early once
	 * {@code stop} holds.
	 */
	public long sendAtRate(double eventsPerSecond, Duration duration, LongConsumer next, BooleanSupplier stop) {
		long total = (long) Math.floor(eventsPerSecond * duration.toMillis() / 1000.0);
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			if (stop.getAsBoolean()) {
				this.producer.flush();
				return i;
			}
			long due = start + (long) (i * 1e9 / eventsPerSecond);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			next.accept(i);
		}
		this.producer.flush();
		return total;
	}

	public void flush() {
		this.producer.flush();
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(10));
	}

}
