package net.port25.workflow.inventory;

import java.util.List;
import java.util.Optional;

import net.port25.workflow.access.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's copy of the provisioning system's service records (contract 1.1,
 * {@code port25.inventory}): the latest record per service is the truth. It tells who
 * owns a service and which addresses it holds; a change is published in the transaction
 * that stores it, so that access granted on the old record can end with it.
 */
@Service
public class ServiceInventory {

	private static final Logger log = LoggerFactory.getLogger(ServiceInventory.class);

	private final ServiceRecords records;

	private final InventoryProperties properties;

	private final ApplicationEventPublisher events;

	ServiceInventory(ServiceRecords records, InventoryProperties properties, ApplicationEventPublisher events) {
		this.records = records;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Stores the record unless a newer one is stored already, and tells whoever granted
	 * access on the old one.
	 */
	@Transactional
	public void apply(ServiceChanged changed, String sourceEventId) {
		Optional<ServiceRecord> before = records.findForUpdate(changed.serviceId());
		if (before.isPresent() && before.get().at().isAfter(changed.at())) {
			log.info("Service {} record of {} is older than the stored one of {}; event {} changes nothing",
					changed.serviceId(), changed.at(), before.get().at(), sourceEventId);
			return;
		}
		ServiceRecord after = ServiceRecord.of(changed);
		records.save(after, sourceEventId);
		events.publishEvent(new InventoryChanged(before, after));
	}

	public Optional<ServiceRecord> find(String serviceId) {
		return records.find(serviceId);
	}

	/** Whether this customer may ask for port 25 on the service with these addresses. */
	public Ownership ownership(String serviceId, ServiceType serviceType, String customerId, List<String> ipAddresses) {
		return records.find(serviceId)
			.map((record) -> record.isActive() && record.agreesWith(customerId, serviceType, ipAddresses)
					? Ownership.OWNED : Ownership.NOT_THEIRS)
			.orElse(Ownership.UNKNOWN);
	}

	/**
	 * Whether the asker may go on: owned, or unknown where the inventory is not required.
	 */
	public boolean allows(Ownership ownership) {
		return ownership == Ownership.OWNED || (ownership == Ownership.UNKNOWN && !properties.required());
	}

	/**
	 * The approved addresses the service still holds; all of them when the inventory does
	 * not know it.
	 */
	public List<String> stillHeld(String serviceId, List<String> approved) {
		return records.find(serviceId).map((record) -> record.stillHeld(approved)).orElse(approved);
	}

	/** Nothing stored yet: the topic is to be read from its beginning. */
	public boolean isEmpty() {
		return records.isEmpty();
	}

}
