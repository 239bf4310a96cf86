package net.port25.bench.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The engine's consumer lag on the inbound topics: records written but not yet committed
 * by every one of the engine's consumer groups (whatever their names), summed over the
 * partitions. A partition's lag is that of its slowest group: the abuse topic has two,
 * and the revocation lane's group is ahead of the one that applies every report.
 */
public final class Lag implements AutoCloseable {

	private final Admin admin;

	public Lag(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/**
	 * Records on the inbound topics that some engine consumer group has not committed
	 * yet.
	 */
	public long inbound() {
		try {
			Map<TopicPartition, Long> ends = endOffsets();
			Map<TopicPartition, Long> committed = new HashMap<>();
			for (ConsumerGroupListing group : this.admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
				Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				offsets.forEach((partition, offset) -> {
					if (offset != null && ends.containsKey(partition)) {
						committed.merge(partition, offset.offset(), Math::min);
					}
				});
			}
			long lag = 0;
			for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
				lag += end.getValue() - committed.getOrDefault(end.getKey(), 0L);
			}
			return lag;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the consumer lag", ex);
		}
	}

	/** Waits until the lag is zero; returns false if it is not within the timeout. */
	public boolean awaitZero(java.time.Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (inbound() == 0) {
				return true;
			}
			Outputs.sleep(200);
		}
		return false;
	}

	private Map<TopicPartition, Long> endOffsets() throws Exception {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		for (var description : this.admin.describeTopics(Topics.INBOUND)
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.values()) {
			description.partitions()
				.forEach((partition) -> request.put(new TopicPartition(description.name(), partition.partition()),
						OffsetSpec.latest()));
		}
		Map<TopicPartition, Long> ends = new HashMap<>();
		this.admin.listOffsets(request)
			.all()
			.get(10, TimeUnit.SECONDS)
			.forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	public List<String> topics() {
		return Topics.INBOUND;
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
