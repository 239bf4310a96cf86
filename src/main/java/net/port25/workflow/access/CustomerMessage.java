package net.port25.workflow.access;

/**
 * The texts customers read, by their key in the message catalog
 * ({@code messages.properties}). Arguments are numbered as the catalog's placeholders
 * are.
 */
public enum CustomerMessage {

	APPROVED_STAFF_OPENS_PORT("request.approved.staff-opens-port"),

	APPROVED_CUSTOMER_SWITCH("request.approved.customer-switch"),

	/** {0}: the reviewer's reason. */
	REJECTED("request.rejected"),

	DUPLICATE("request.rejected.duplicate"),

	/** {0}: the service id, {1}: the live request's reference, {2}: its status. */
	DUPLICATE_REASON("request.rejected.duplicate.reason"),

	/** {0}: what the abuse monitor reported. */
	REJECTED_FOR_ABUSE_REASON("request.rejected.abuse.reason"),

	CLOSED_NO_ANSWER("request.closed.no-answer"),

	/** {0}: how long the customer had to answer. */
	CLOSED_NO_ANSWER_REASON("request.closed.no-answer.reason"),

	INFO_REQUESTED("info.requested"),

	REMINDER("info.reminder"),

	/** {0}: why. */
	REVOKED("access.revoked"),

	/** {0}: why. */
	TOGGLE_REFUSED("toggle.refused"),

	/** {0}: the device id. */
	TOGGLE_REFUSED_NO_ACCESS("toggle.refused.no-access"),

	/**
	 * {0}: the device id, {1}: the customer who asked. Logged only, never sent: it would
	 * name the owner.
	 */
	TOGGLE_REFUSED_NOT_THEIRS("toggle.refused.not-theirs"),

	/** {0}: the service type. */
	TOGGLE_REFUSED_OPENED_BY_STAFF("toggle.refused.opened-by-staff"),

	/** {0}: the device id. */
	TOGGLE_REFUSED_NOT_APPROVED("toggle.refused.not-approved"),

	/** {0}: why. */
	INFORMATION_NOT_APPLIED("request.not-open.information"),

	/** {0}: why. */
	WITHDRAWAL_NOT_APPLIED("request.not-open.withdrawal"),

	/** {0}: what is wrong with it. */
	SUBMISSION_INVALID("request.invalid.submission"),

	/** {0}: the request's reference, {1}: its status. */
	REQUEST_ENDED("request.not-open.ended"),

	/** {0}: the request's reference. */
	REQUEST_UNKNOWN("request.not-open.unknown");

	private final String key;

	CustomerMessage(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

}
