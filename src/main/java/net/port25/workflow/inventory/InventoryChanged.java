package net.port25.workflow.inventory;

import java.util.Optional;

/**
 * A service's record changed, in the transaction that stores it: what it was (empty for a
 * service new to the inventory) and what it is now. Access granted on the old record may
 * have to end.
 */
public record InventoryChanged(Optional<ServiceRecord> before, ServiceRecord after) {

	/**
	 * Released, suspended, moved to another customer or to another type: what was granted
	 * no longer holds.
	 */
	public boolean changesHands() {
		return before
			.map((old) -> !old.customerId().equals(after.customerId()) || old.serviceType() != after.serviceType())
			.orElse(false) || !after.isActive();
	}

}
