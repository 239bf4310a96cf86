package net.port25.workflow.inventory;

import java.time.Instant;
import java.util.List;

import net.port25.workflow.access.ServiceType;

/** The engine's copy of one service as the provisioning system last said it is. */
public record ServiceRecord(String serviceId, ServiceType serviceType, String customerId, List<String> ipAddresses,
		ServiceStatus status, Instant at) {

	static ServiceRecord of(ServiceChanged changed) {
		return new ServiceRecord(changed.serviceId(), changed.serviceType(), changed.customerId(),
				List.copyOf(changed.ipAddresses()), changed.status(), changed.at());
	}

	public boolean isActive() {
		return status == ServiceStatus.ACTIVE;
	}

	/**
	 * Whether the service belongs to this customer, is of this type, and holds all these
	 * addresses.
	 */
	public boolean agreesWith(String customerId, ServiceType serviceType, List<String> ipAddresses) {
		return this.customerId.equals(customerId) && (serviceType == null || this.serviceType == serviceType)
				&& this.ipAddresses.containsAll(ipAddresses);
	}

	/** The addresses of {@code approved} that the service still holds. */
	public List<String> stillHeld(List<String> approved) {
		return approved.stream().filter(ipAddresses::contains).toList();
	}

}
