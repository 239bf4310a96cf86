package net.port25.workflow.request;

import java.util.Set;

/**
 * The service ids and IP addresses, among those asked about, that granted access covers
 * right now.
 */
public record GrantedServices(Set<String> serviceIds, Set<String> ipAddresses) {

	public GrantedServices {
		serviceIds = Set.copyOf(serviceIds);
		ipAddresses = Set.copyOf(ipAddresses);
	}

	/**
	 * Whether a report naming this service id or IP address (either may be null) meets
	 * granted access.
	 */
	public boolean covers(String serviceId, String ipAddress) {
		return (serviceId != null && serviceIds.contains(serviceId))
				|| (ipAddress != null && ipAddresses.contains(ipAddress));
	}

}
