package net.port25.workflow.audit;

/**
 * What an audit entry records. Refusals are attempts the engine turned away; they changed
 * nothing.
 */
public enum AuditAction {

	/**
	 * The request or its access changed state; the entry's statuses say from what to
	 * what.
	 */
	STATUS_CHANGED,

	INFORMATION_PROVIDED,

	REMINDER_SENT,

	REVIEW_DECIDED,

	REVIEW_ESCALATED,

	ABUSE_REPORTED,

	ABUSE_REVIEWED,

	ABUSE_DISMISSED,

	DUPLICATE_REFUSED(true),

	TOGGLE_REFUSED(true),

	REVOCATION_REFUSED(true),

	/**
	 * A request, answer or withdrawal whose data could not be read (too long, control
	 * characters, a wrong type).
	 */
	INVALID_INPUT_REFUSED(true);

	private final boolean refusal;

	AuditAction() {
		this(false);
	}

	AuditAction(boolean refusal) {
		this.refusal = refusal;
	}

	/** An attempt that was turned away, by whoever made it. */
	public boolean isRefusal() {
		return refusal;
	}

}
