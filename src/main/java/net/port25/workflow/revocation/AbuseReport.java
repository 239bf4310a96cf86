package net.port25.workflow.revocation;

import java.time.Instant;

/**
 * An abuse report as the engine keeps it: what the monitor saw, what it did to the
 * access, and what a reviewer decided about it.
 */
public record AbuseReport(long id, String serviceId, String ipAddress, String customerId, String requestRef,
		AbuseDetected.Category category, AbuseDetected.Severity severity, String evidence, Instant detectedAt,
		Instant reportedAt, Effect effect, String reviewOutcome, String reviewedBy, String reviewReason) {

	/** What the report did when it came in. */
	public enum Effect {

		/** High or critical abuse on granted access: revoked at once. */
		REVOKED,

		/** Low or medium abuse on granted access: a staff abuse review. */
		REVIEW,

		/** High or critical abuse on a pending request: rejected. */
		REJECTED,

		/** Low or medium abuse on a pending request: a finding for the reviewer. */
		FINDING,

		/** No access and no open request: recorded only. */
		RECORDED

	}

	/** When the monitor saw it, or else when it reached the engine. */
	public Instant seenAt() {
		return detectedAt != null ? detectedAt : reportedAt;
	}

}
