package net.port25.workflow.request;

import java.util.List;

import net.port25.workflow.access.AccessStatus;

/**
 * The requests before this one for the same service, one of its IP addresses, or the same
 * customer: what a reviewer weighs, and what the risk decision counts.
 */
public record RequestHistory(RequestRecord request, List<RequestRecord> earlier) {

	/** Earlier revocations of the same service or of one of its IP addresses. */
	public int revocations() {
		return count(AccessStatus.REVOKED);
	}

	/** Earlier rejections of the same service or of one of its IP addresses. */
	public int rejections() {
		return count(AccessStatus.REJECTED);
	}

	/**
	 * Whether the other request was for the same service or one of the same IP addresses.
	 */
	public boolean concernsTheSameService(RequestRecord other) {
		return (request.serviceId() != null && request.serviceId().equals(other.serviceId()))
				|| other.ipAddresses().stream().anyMatch(request.ipAddresses()::contains)
				|| other.approvedIpAddresses().stream().anyMatch(request.ipAddresses()::contains);
	}

	private int count(AccessStatus status) {
		return (int) earlier.stream()
			.filter((other) -> other.status() == status && concernsTheSameService(other))
			.count();
	}

}
