package net.port25.workflow.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the claims of applied events once they are older than
 * {@code port25.inbound.deduplication-retention}, hourly on every node, but only while
 * that retention is longer than each inbound topic keeps its records
 * ({@code retention.ms} as the broker reports it): a claim deleted while its event can
 * still be redelivered would let that event have its effect twice. Compacted topics keep
 * the latest state of each key rather than events and are not counted.
 */
@Component
class ProcessedEventsPurge {

	private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPurge.class);

	private static final long ADMIN_TIMEOUT_SECONDS = 30;

	private final ProcessedEvents processedEvents;

	private final InboundProperties inbound;

	private final TopicsProperties topics;

	private final KafkaAdmin kafkaAdmin;

	ProcessedEventsPurge(ProcessedEvents processedEvents, InboundProperties inbound, TopicsProperties topics,
			KafkaAdmin kafkaAdmin) {
		this.processedEvents = processedEvents;
		this.inbound = inbound;
		this.topics = topics;
		this.kafkaAdmin = kafkaAdmin;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void purge() {
		try {
			purge(inbound.deduplicationRetention());
		}
		catch (RuntimeException ex) {
			log.warn("Claims of applied events not purged, retrying in an hour: {}", ex.toString());
		}
	}

	/**
	 * Deletes the claims older than {@code retention}, unless a topic keeps its records
	 * as long.
	 * @return how many claims were deleted; 0 when the purge was refused
	 */
	int purge(Duration retention) {
		List<String> keptLonger = topicsKeepingRecordsFor(retention);
		if (!keptLonger.isEmpty()) {
			log.warn("Claims of applied events are not purged: {} keep their records at least as long as"
					+ " port25.inbound.deduplication-retention ({}); set it longer", keptLonger, retention);
			return 0;
		}
		int purged = processedEvents.purgeOlderThan(retention);
		log.info("Deleted {} claims of applied events older than {}", purged, retention);
		return purged;
	}

	private List<String> topicsKeepingRecordsFor(Duration retention) {
		List<ConfigResource> resources = topics.inbound()
			.stream()
			.map((topic) -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
			.toList();
		Map<ConfigResource, Config> configs = describe(resources);
		List<String> keptLonger = new ArrayList<>();
		configs.forEach((resource, config) -> {
			String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
			if (!policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
				return;
			}
			long retentionMs = Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
			if (retentionMs < 0 || retentionMs >= retention.toMillis()) {
				keptLonger.add(resource.name() + " (retention.ms " + retentionMs + ")");
			}
		});
		return keptLonger;
	}

	private Map<ConfigResource, Config> describe(List<ConfigResource> resources) {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			return admin.describeConfigs(resources).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the inbound topics' retention", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot read the inbound topics' retention: " + ex, ex);
		}
	}

}
