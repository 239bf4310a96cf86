package net.port25.workflow.audit;

import java.time.Instant;

/**
 * One line of the audit trail: what happened, by whom and why; the statuses are set when
 * the access state changed. {@code actor} is who the change is attributed to (for an
 * event, whom the event names); {@code verifiedSource} is the CloudEvent source the event
 * came from, checked against the sources allowed to send it ({@link VerifiedSource}), and
 * null for what did not come in as an event.
 */
public record AuditEntry(String requestRef, String serviceId, Instant at, String actor, AuditAction action,
		String fromStatus, String toStatus, String reason, String sourceEventId, String verifiedSource) {

	/** An entry whose verified source, if any, is the one bound while it is recorded. */
	public AuditEntry(String requestRef, String serviceId, Instant at, String actor, AuditAction action,
			String fromStatus, String toStatus, String reason, String sourceEventId) {
		this(requestRef, serviceId, at, actor, action, fromStatus, toStatus, reason, sourceEventId, null);
	}

	/** An entry that records an action without a change of state. */
	public static AuditEntry action(String requestRef, String serviceId, String actor, AuditAction action,
			String reason, String sourceEventId) {
		return new AuditEntry(requestRef, serviceId, Instant.now(), actor, action, null, null, reason, sourceEventId);
	}

}
