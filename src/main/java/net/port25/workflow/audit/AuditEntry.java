package net.port25.workflow.audit;

import java.time.Instant;

/**
 * One line of the audit trail: what happened, by whom and why; the statuses are set when
 * the access state changed.
 */
public record AuditEntry(String requestRef, String serviceId, Instant at, String actor, AuditAction action,
		String fromStatus, String toStatus, String reason, String sourceEventId) {

	/** An entry that records an action without a change of state. */
	public static AuditEntry action(String requestRef, String serviceId, String actor, AuditAction action,
			String reason, String sourceEventId) {
		return new AuditEntry(requestRef, serviceId, Instant.now(), actor, action, null, null, reason, sourceEventId);
	}

}
