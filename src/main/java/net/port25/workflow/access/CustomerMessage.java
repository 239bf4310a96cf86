package net.port25.workflow.access;

/**
 * The texts customers read, by their key in the message catalog
 * ({@code messages.properties}). Each constant's comment names its arguments in order.
 */
public enum CustomerMessage {

	/** request, service type, service id, approved IP addresses. */
	APPROVED_STAFF_OPENS_PORT("request.approved.staff-opens-port"),

	/** request, device id, approved IP addresses. */
	APPROVED_CUSTOMER_SWITCH("request.approved.customer-switch"),

	/**
	 * What every approval adds: the customer's responsibilities, and revocation without
	 * notice.
	 */
	RESPONSIBILITY("request.approved.responsibility"),

	/** service type, service id, IP addresses. */
	ACCESS_ENABLED("access.enabled"),

	/** request, the reviewer's reason. */
	REJECTED("request.rejected"),

	/** How to send without port 25: the submission ports and providers. */
	USE_SUBMISSION_PORTS("guidance.use-submission-ports"),

	/** How to apply again. */
	REAPPLY("guidance.reapply"),

	/** request, service type, service id. */
	DUPLICATE("request.rejected.duplicate"),

	DUPLICATE_REASON("request.rejected.duplicate.reason"),

	/** request, service id. */
	REQUEST_NOT_YOUR_SERVICE("request.rejected.not-your-service"),

	REQUEST_NOT_YOUR_SERVICE_REASON("request.rejected.not-your-service.reason"),

	/** request, service type, service id. */
	CLOSED_INVENTORY_CHANGED("request.closed.inventory-changed"),

	CLOSED_INVENTORY_CHANGED_REASON("request.closed.inventory-changed.reason"),

	/** service type, service id, when. */
	REVOKED_INVENTORY_CHANGED("access.revoked.inventory-changed"),

	/** request, what was reported, service id, when. */
	REJECTED_FOR_ABUSE("request.rejected.abuse"),

	/** what was reported. */
	REJECTED_FOR_ABUSE_REASON("request.rejected.abuse.reason"),

	/** request, the date an answer was due. */
	CLOSED_NO_ANSWER("request.closed.no-answer"),

	/** the date an answer was due. */
	CLOSED_NO_ANSWER_REASON("request.closed.no-answer.reason"),

	/** request, the date an answer is due. */
	INFO_REQUESTED("info.requested"),

	/** request, the date an answer is due. */
	REMINDER("info.reminder"),

	/** service type, service id, when, what was reported, request. */
	REVOKED_FOR_ABUSE("access.revoked.abuse"),

	/** what was reported, when. */
	REVOKED_FOR_ABUSE_REASON("access.revoked.abuse.reason"),

	/** service type, service id, when, staff's reason. */
	REVOKED_BY_STAFF("access.revoked.staff"),

	/** device id. */
	TOGGLE_NOT_YOUR_SERVICE("toggle.refused.not-your-service"),

	/** device id, request. */
	TOGGLE_NOT_APPROVED("toggle.refused.not-approved"),

	/** device id, request. */
	TOGGLE_NO_ACCESS("toggle.refused.no-access"),

	/** service type, service id. */
	TOGGLE_OPENED_BY_STAFF("toggle.refused.opened-by-staff"),

	/** device id, when, why (in words). */
	TOGGLE_REVOKED("toggle.refused.revoked"),

	/** Why access was revoked, in words, by reason code. */
	REVOKED_BECAUSE_OF_ABUSE("reason.abuse"),

	REVOKED_BY_STAFF_DECISION("reason.policy"),

	REVOKED_AS_SERVICE_CHANGED("reason.inventory-changed"),

	/** request, why. */
	INFORMATION_NOT_APPLIED("request.not-open.information"),

	/** request, why. */
	WITHDRAWAL_NOT_APPLIED("request.not-open.withdrawal"),

	/** request. */
	INFORMATION_NOT_ASKED("request.not-open.not-asked"),

	/** request. */
	REQUEST_ENDED("request.not-open.ended"),

	/** request. */
	REQUEST_UNKNOWN("request.not-open.unknown"),

	/** What abuse monitors report, in words (by category). */
	ABUSE_SPAM("abuse.spam"),

	ABUSE_COMPROMISE("abuse.compromise"),

	ABUSE_POLICY_VIOLATION("abuse.policy-violation"),

	ABUSE_BLOCKLIST("abuse.blocklist");

	private final String key;

	CustomerMessage(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

}
