package net.port25.workflow.api;

import java.time.Instant;
import java.util.List;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.audit.AuditEntry;

/**
 * Where port 25 access of a service stands: the state of its current (or, when none is
 * live, its latest) request, since when, and the service's history.
 */
record AccessState(String serviceId, AccessStatus status, String requestRef, ServiceType serviceType, String customerId,
		Instant since, List<AuditEntry> history) {
}
