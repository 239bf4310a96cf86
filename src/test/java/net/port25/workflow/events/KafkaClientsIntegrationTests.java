package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.port25.workflow.infrastructure.IntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * How the engine's Kafka clients name themselves and time out: consumer groups and client
 * ids after the application (so that prefix ACLs and a shared cluster's other groups are
 * not in the way), and a producer that gives up on a record before an outbox pass does.
 */
@IntegrationTest
class KafkaClientsIntegrationTests {

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	OutboxProperties outbox;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Test
	void everyListenersConsumerGroupAndClientIdAreNamedAfterTheApplication() throws Exception {
		Set<String> expected = Set.of("port25-workflow.requests", "port25-workflow.dashboard-toggles",
				"port25-workflow.abuse-events", "port25-workflow.abuse-revocations");

		assertThat(listeners.getListenerContainers().stream().map(MessageListenerContainer::getGroupId))
			.containsAll(expected)
			.allSatisfy((group) -> assertThat(group).startsWith("port25-workflow."));
		assertThat(listeners.getListenerContainers()).allSatisfy((container) -> assertThat(container.metrics().keySet())
			.allSatisfy((clientId) -> assertThat(clientId).startsWith(container.getGroupId())));
		await().atMost(Duration.ofSeconds(30)).until(() -> consumerGroups().containsAll(expected));
		assertThat(consumerGroups()).doesNotContain("requests", "dashboard-toggles", "abuse-events");
	}

	@Autowired
	InboundProperties inbound;

	@Autowired
	TopicsProperties topics;

	@Test
	void theOrderedAbuseListenerRunsTheThreadsConfiguredAndTheRevocationLaneOnePerPartition() {
		assertThat(consumers("abuse-events")).isEqualTo(inbound.abuseEventsConcurrency());
		assertThat(consumers("abuse-revocations")).isEqualTo(topics.partitions());
	}

	@Test
	void theRequestsListenerRunsTheThreadsConfigured() {
		assertThat(inbound.requestsConcurrency()).isLessThan(topics.partitions());
		assertThat(consumers("requests")).isEqualTo(inbound.requestsConcurrency());
	}

	private int consumers(String listener) {
		return ((ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer(listener)).getContainers()
			.size();
	}

	@Test
	void theProducerGivesUpOnARecordBeforeAnOutboxPassDoes() {
		Map<String, Object> producer = kafka.getProducerFactory().getConfigurationProperties();
		long deliveryTimeout = Long.parseLong(producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG).toString());

		assertThat(deliveryTimeout).isLessThan(outbox.sendTimeout().toMillis());
	}

	private Set<String> consumerGroups() throws Exception {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			return admin.listConsumerGroups()
				.all()
				.get()
				.stream()
				.map(ConsumerGroupListing::groupId)
				.collect(Collectors.toSet());
		}
	}

}
