package net.port25.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Names shared with {@code bpmn/port25-access.bpmn}: the process key, its messages, tasks
 * and variables. Messages named after a contract event type are correlated from that
 * event; the others are the engine's own.
 */
public final class Port25AccessProcess {

	public static final String PROCESS_KEY = "port25-access";

	public static final String MESSAGE_REQUEST_SUBMITTED = EventTypes.REQUEST_SUBMITTED;

	public static final String MESSAGE_INFORMATION_PROVIDED = EventTypes.INFORMATION_PROVIDED;

	public static final String MESSAGE_REQUEST_WITHDRAWN = EventTypes.REQUEST_WITHDRAWN;

	public static final String MESSAGE_TOGGLE_REQUESTED = EventTypes.TOGGLE_REQUESTED;

	/** High or critical abuse, or a staff revocation, on granted access. */
	public static final String MESSAGE_REVOKE_ACCESS = "port25.access.revoke";

	/**
	 * The request is refused before it is decided (a duplicate, another customer's
	 * service, ...).
	 */
	public static final String MESSAGE_REFUSE_REQUEST = "port25.request.refuse";

	/** Critical abuse while the request is still being decided. */
	public static final String MESSAGE_REJECT_REQUEST_FOR_ABUSE = "port25.abuse.reject-request";

	/** Low or medium abuse on granted access. */
	public static final String MESSAGE_ABUSE_REVIEW_REQUESTED = "port25.abuse.review";

	public static final String TASK_REVIEW_REQUEST = "reviewRequest";

	public static final String TASK_OPEN_PORT_25 = "openPort25";

	public static final String TASK_REVIEW_ABUSE = "reviewAbuse";

	public static final String GROUP_REVIEWERS = "port25-reviewers";

	public static final String GROUP_NOC = "noc";

	/** Offered an overdue review besides the reviewers. */
	public static final String GROUP_LEADS = "port25-leads";

	/**
	 * A value a staff form offers for a decision, as the contract and the BPMN spell it.
	 */
	public interface FormChoice {

		String value();

	}

	/**
	 * What a reviewer decides on {@code reviewRequest}; the decision gateway's conditions
	 * name these values.
	 */
	public enum ReviewDecision implements FormChoice {

		APPROVE("approve"), REJECT("reject"), REQUEST_INFO("request-info");

		private final String value;

		ReviewDecision(String value) {
			this.value = value;
		}

		@Override
		public String value() {
			return value;
		}

		/** The decision a form value names; empty for anything else. */
		public static Optional<ReviewDecision> of(Object value) {
			return choice(values(), value);
		}

	}

	/**
	 * What a reviewer decides on {@code reviewAbuse}; the abuse gateway's conditions name
	 * these values.
	 */
	public enum AbuseDecision implements FormChoice {

		REVOKE("revoke"), DISMISS("dismiss");

		private final String value;

		AbuseDecision(String value) {
			this.value = value;
		}

		@Override
		public String value() {
			return value;
		}

		public static Optional<AbuseDecision> of(Object value) {
			return choice(values(), value);
		}

	}

	/** The choices as a person reads them: {@code approve, reject or request-info}. */
	public static String describe(FormChoice... choices) {
		List<String> values = Arrays.stream(choices).map(FormChoice::value).toList();
		return (values.size() == 1) ? values.get(0)
				: String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
	}

	private static <T extends FormChoice> Optional<T> choice(T[] choices, Object value) {
		return Arrays.stream(choices).filter((choice) -> choice.value().equals(value)).findFirst();
	}

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

		/**
		 * Why access is revoked, for the audit trail; the customer reads words made from
		 * the reason code.
		 */
		public static final String REVOCATION_REASON = "revocationReason";

		/**
		 * The contract reason code of a revocation: abuse, policy (staff) or
		 * inventory-changed.
		 */
		public static final String REVOCATION_REASON_CODE = "revocationReasonCode";

		/**
		 * The abuse report that led to a revocation or a review: a reference, not its
		 * evidence.
		 */
		public static final String ABUSE_REPORT_ID = "abuseReportId";

		/** Why the request is refused before it is decided: a contract reason code. */
		public static final String REFUSAL_REASON_CODE = "refusalReasonCode";

		/** reviewRequest form, with reject: the contract reason code (default policy). */
		public static final String REASON_CODE = "reasonCode";

		public static final String ACTOR = "actor";

		/** Read-only texts of the reviewRequest form. */
		public static final String REQUEST_SUMMARY = "requestSummary";

		public static final String REVIEW_FINDINGS = "reviewFindings";

		public static final String REQUEST_HISTORY = "requestHistory";

		/**
		 * The customer's own words: the request as written, the questions asked and the
		 * answers given.
		 */
		public static final String REQUEST_CORRESPONDENCE = "requestCorrespondence";

		/** The request as the customer wrote it (the free text of the submission). */
		public static final String REQUEST_TEXT = "requestText";

		private Variables() {
		}

	}

	private Port25AccessProcess() {
	}

}
