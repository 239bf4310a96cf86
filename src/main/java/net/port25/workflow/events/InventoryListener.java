package net.port25.workflow.events;

import java.util.Map;

import io.cloudevents.CloudEvent;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands the provisioning system's service records, validated, to the inventory. While the
 * engine's copy is empty (a fresh start) the compacted topic is read from its beginning,
 * whatever offsets the group has committed.
 */
@Component
class InventoryListener implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(InventoryListener.class);

	private final CloudEventReader reader;

	private final ProcessedEvents processedEvents;

	private final ServiceInventory inventory;

	InventoryListener(CloudEventReader reader, ProcessedEvents processedEvents, ServiceInventory inventory) {
		this.reader = reader;
		this.processedEvents = processedEvents;
		this.inventory = inventory;
	}

	@KafkaListener(id = "inventory", topics = "${port25.topics.inventory}")
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		CloudEvent event = reader.read(record);
		if (!processedEvents.claim(event, record.topic())) {
			return;
		}
		if (!EventTypes.SERVICE_CHANGED.equals(event.getType())) {
			throw InvalidEventException.unknownType(event, record.topic());
		}
		inventory.apply(reader.data(event, ServiceChanged.class), event.getId());
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		if (!assignments.isEmpty() && inventory.isEmpty()) {
			log.info("The inventory is empty: reading {} from the beginning", assignments.keySet());
			callback.seekToBeginning(assignments.keySet());
		}
	}

}
