package net.port25.workflow.events;

import java.util.List;
import java.util.Map;

import net.port25.workflow.EventTypes;
import net.port25.workflow.inventory.ServiceChanged;
import net.port25.workflow.inventory.ServiceInventory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Hands the provisioning system's service records, validated, to the inventory. While the
 * engine's copy is empty (a fresh start) the compacted topic is read from its beginning,
 * whatever offsets the group has committed.
 */
@Component
class InventoryListener implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(InventoryListener.class);

	private final InboundEvents inbound;

	private final ServiceInventory inventory;

	private final Map<String, EventHandler<?>> handlers;

	InventoryListener(InboundEvents inbound, ServiceInventory inventory) {
		this.inbound = inbound;
		this.inventory = inventory;
		this.handlers = EventHandler
			.byType(EventHandler.of(EventTypes.SERVICE_CHANGED, ServiceChanged.class, inventory::apply));
	}

	@KafkaListener(id = "inventory", groupId = "${spring.kafka.consumer.group-id}.inventory",
			clientIdPrefix = "${spring.kafka.consumer.group-id}.inventory", batch = "true",
			topics = "${port25.topics.inventory}")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		inbound.acceptAll(records, handlers);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		if (!assignments.isEmpty() && inventory.isEmpty()) {
			log.info("The inventory is empty: reading {} from the beginning", assignments.keySet());
			callback.seekToBeginning(assignments.keySet());
		}
	}

}
