package net.port25.workflow.audit;

import java.util.Locale;

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

	/** A staff task was left undone too long and offered to the leads. */
	TASK_ESCALATED,

	ABUSE_REPORTED,

	ABUSE_REVIEWED,

	ABUSE_DISMISSED,

	/** Approved addresses that left the service were closed. */
	ADDRESSES_CLOSED,

	DUPLICATE_REFUSED(true),

	/**
	 * A request for a service the inventory lists under someone else, or does not know
	 * where it must.
	 */
	OWNERSHIP_REFUSED(true),

	TOGGLE_REFUSED(true),

	REVOCATION_REFUSED(true);

	private final boolean refusal;

	AuditAction() {
		this(false);
	}

	AuditAction(boolean refusal) {
		this.refusal = refusal;
	}

	/** What happened, as staff read it: {@code information provided}. */
	public String inWords() {
		return name().replace('_', ' ').toLowerCase(Locale.ROOT);
	}

	/** An attempt that was turned away, by whoever made it. */
	public boolean isRefusal() {
		return refusal;
	}

}
