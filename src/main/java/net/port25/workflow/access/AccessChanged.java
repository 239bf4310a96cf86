package net.port25.workflow.access;

import java.time.Instant;

/** {@code port25.access.changed}: one change of state of a request or of its access. */
public record AccessChanged(ServiceType serviceType, String serviceId, String customerId, String requestRef,
		AccessStatus status, AccessStatus previousStatus, String actor, String reason, Instant at) {
}
