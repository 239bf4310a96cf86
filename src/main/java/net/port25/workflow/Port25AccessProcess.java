package net.port25.workflow;

/**
 * Names shared with {@code bpmn/port25-access.bpmn}: the process key, its messages, tasks
 * and variables. Messages named after a contract event type are correlated from that
 * event; the others are the engine's own.
 */
public final class Port25AccessProcess {

	public static final String PROCESS_KEY = "port25-access";

	public static final String MESSAGE_REQUEST_SUBMITTED = "port25.request.submitted";

	public static final String MESSAGE_INFORMATION_PROVIDED = "port25.request.info-provided";

	public static final String MESSAGE_REQUEST_WITHDRAWN = "port25.request.withdrawn";

	public static final String MESSAGE_TOGGLE_REQUESTED = "port25.toggle.requested";

	/** High or critical abuse, or a staff revocation, on granted access. */
	public static final String MESSAGE_REVOKE_ACCESS = "port25.access.revoke";

	/** Critical abuse while the request is still being decided. */
	public static final String MESSAGE_REJECT_REQUEST_FOR_ABUSE = "port25.abuse.reject-request";

	/** Low or medium abuse on granted access. */
	public static final String MESSAGE_ABUSE_REVIEW_REQUESTED = "port25.abuse.review";

	public static final String TASK_REVIEW_REQUEST = "reviewRequest";

	public static final String TASK_OPEN_PORT_25 = "openPort25";

	public static final String TASK_REVIEW_ABUSE = "reviewAbuse";

	public static final String GROUP_REVIEWERS = "port25-reviewers";

	public static final String GROUP_NOC = "noc";

	/**
	 * Process variables: references, gateway facts, and the few texts the staff forms
	 * show.
	 */
	public static final class Variables {

		public static final String REQUEST_REF = "requestRef";

		public static final String SERVICE_TYPE = "serviceType";

		public static final String SOURCE_EVENT_ID = "sourceEventId";

		public static final String REQUEST_COMPLETE = "requestComplete";

		public static final String REQUEST_APPROVED = "requestApproved";

		public static final String ENABLEMENT = "enablement";

		/**
		 * reviewRequest form: approve | reject | request-info, with reason (reject) or
		 * questions (request-info).
		 */
		public static final String DECISION = "decision";

		public static final String REASON = "reason";

		public static final String QUESTIONS = "questions";

		/** openPort25 form. */
		public static final String OPENED = "opened";

		/** reviewAbuse form: revoke | dismiss, with reason. */
		public static final String ABUSE_DECISION = "abuseDecision";

		public static final String ABUSE_EVIDENCE = "abuseEvidence";

		public static final String SWITCH_ENABLED = "switchEnabled";

		public static final String WITHDRAWAL_REASON = "withdrawalReason";

		public static final String REVOCATION_REASON = "revocationReason";

		public static final String ACTOR = "actor";

		/** Read-only texts of the reviewRequest form. */
		public static final String REQUEST_SUMMARY = "requestSummary";

		public static final String REVIEW_FINDINGS = "reviewFindings";

		public static final String REQUEST_HISTORY = "requestHistory";

		private Variables() {
		}

	}

	private Port25AccessProcess() {
	}

}
