package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.ReviewDecision;
import net.port25.workflow.TaskCompletionRefused;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.enablement.EnablementPolicy;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/** What a reviewer decides about a request, and what follows from it for the customer. */
@Service
public class RequestDecisions {

	private final Requests requests;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	private final AuditTrail audit;

	private final EnablementPolicy enablement;

	RequestDecisions(Requests requests, CustomerNotifier notifier, CustomerMessages messages, AuditTrail audit,
			EnablementPolicy enablement) {
		this.requests = requests;
		this.notifier = notifier;
		this.messages = messages;
		this.audit = audit;
		this.enablement = enablement;
	}

	/**
	 * Takes the reviewer's decision as the form gives it, or refuses it (the task stays
	 * open): the decision must be one the policy knows, a rejection needs a reason and a
	 * request for information the questions to ask.
	 */
	public ReviewDecision decide(String requestRef, Object decisionValue, String reason, String questions,
			String reviewer) {
		ReviewDecision decision = ReviewDecision.of(decisionValue)
			.orElseThrow(() -> new TaskCompletionRefused("decision must be "
					+ Port25AccessProcess.describe(ReviewDecision.values()) + ", not " + decisionValue));
		if (decision == ReviewDecision.REJECT && isBlank(reason)) {
			throw new TaskCompletionRefused("a rejection needs a reason");
		}
		if (decision == ReviewDecision.REQUEST_INFO && isBlank(questions)) {
			throw new TaskCompletionRefused("a request for information needs the questions to ask");
		}
		audit.record(AuditEntry.action(
				requestRef, null, reviewer, AuditAction.REVIEW_DECIDED, decision.value()
						+ (isBlank(reason) ? "" : ": " + reason) + (isBlank(questions) ? "" : " (" + questions + ")"),
				null));
		return decision;
	}

	/**
	 * Access approved; the customer is told how the port gets opened, which depends on
	 * the service type.
	 */
	public EnablementPolicy.Mode approve(String requestRef, String reviewer, String reason) {
		RequestRecord record = requests.get(requestRef);
		EnablementPolicy.Mode mode = enablement.modeFor(record.serviceType());
		notifier
			.notify(record.notice(CustomerNotice.Type.REQUEST_APPROVED, messages.text(mode.approvalMessage()), null));
		requests.changeStatus(requestRef, AccessStatus.APPROVED, reviewer, reason, null);
		return mode;
	}

	/** Rejected, with a reason the customer is told. */
	public void reject(String requestRef, String reviewer, String reason) {
		RequestRecord record = requests.get(requestRef);
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_REJECTED,
				messages.text(CustomerMessage.REJECTED, reason), reason));
		requests.changeStatus(requestRef, AccessStatus.REJECTED, reviewer, reason, null);
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
