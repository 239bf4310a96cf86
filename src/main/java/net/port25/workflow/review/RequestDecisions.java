package net.port25.workflow.review;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.ReviewDecision;
import net.port25.workflow.TaskCompletionRefused;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.access.Readable;
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

	/**
	 * The reason codes a reviewer may give a rejection; {@code policy} when none is
	 * given.
	 */
	public static final Set<ReasonCode> REJECTION_CODES = EnumSet.of(ReasonCode.POLICY, ReasonCode.USE_SUBMISSION_PORTS,
			ReasonCode.INSUFFICIENT_INFORMATION, ReasonCode.ABUSE);

	/** A reviewer's decision as the policy takes it. */
	public record Decision(ReviewDecision decision, ReasonCode reasonCode) {
	}

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
	 * open): the decision must be one the policy knows, a rejection needs a reason (and a
	 * reason code of the rejection codes, else {@code policy}), a request for information
	 * the questions to ask.
	 */
	public Decision decide(String requestRef, Object decisionValue, String reason, Object reasonCodeValue,
			String questions, String reviewer) {
		ReviewDecision decision = ReviewDecision.of(decisionValue)
			.orElseThrow(() -> new TaskCompletionRefused("decision must be "
					+ Port25AccessProcess.describe(ReviewDecision.values()) + ", not " + decisionValue));
		ReasonCode reasonCode = null;
		if (decision == ReviewDecision.REJECT) {
			if (isBlank(reason)) {
				throw new TaskCompletionRefused("a rejection needs a reason");
			}
			reasonCode = rejectionCode(reasonCodeValue);
		}
		if (decision == ReviewDecision.REQUEST_INFO && isBlank(questions)) {
			throw new TaskCompletionRefused("a request for information needs the questions to ask");
		}
		audit.record(AuditEntry.action(requestRef, null, reviewer, AuditAction.REVIEW_DECIDED,
				decision.value() + (reasonCode == null ? "" : " (" + reasonCode.code() + ")")
						+ (isBlank(reason) ? "" : ": " + reason) + (isBlank(questions) ? "" : " (" + questions + ")"),
				null));
		return new Decision(decision, reasonCode);
	}

	/**
	 * Access approved and its service id and IP addresses frozen; the customer is told
	 * how the port gets opened and what they are responsible for.
	 */
	public EnablementPolicy.Mode approve(String requestRef, String reviewer, String reason) {
		RequestRecord record = requests.get(requestRef);
		EnablementPolicy.Mode mode = enablement.modeFor(record.serviceType());
		requests.approve(requestRef, reviewer, reason);
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_APPROVED, approvalMessage(record, mode), null));
		return mode;
	}

	/**
	 * Rejected, with a reason the customer is told, what to do instead where it fits, and
	 * how to apply again.
	 */
	public void reject(String requestRef, String reviewer, String reason, ReasonCode reasonCode) {
		RequestRecord record = requests.get(requestRef);
		String message = messages.text(CustomerMessage.REJECTED, requestRef, reason)
				+ (reasonCode == ReasonCode.USE_SUBMISSION_PORTS
						? " " + messages.text(CustomerMessage.USE_SUBMISSION_PORTS) : "")
				+ " " + messages.text(CustomerMessage.REAPPLY);
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_REJECTED, message, reason, reasonCode));
		requests.changeStatus(requestRef, AccessStatus.REJECTED, reasonCode, reviewer, reason, null);
	}

	private String approvalMessage(RequestRecord record, EnablementPolicy.Mode mode) {
		String ips = Readable.list(record.ipAddresses());
		String howToOpen = (mode == EnablementPolicy.Mode.CUSTOMER_SWITCH)
				? messages.text(mode.approvalMessage(), record.requestRef(), record.serviceId(), ips)
				: messages.text(mode.approvalMessage(), record.requestRef(), record.serviceType().contractName(),
						record.serviceId(), ips);
		return howToOpen + " " + messages.text(CustomerMessage.RESPONSIBILITY);
	}

	private static ReasonCode rejectionCode(Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return ReasonCode.POLICY;
		}
		return ReasonCode.of(value)
			.filter(REJECTION_CODES::contains)
			.orElseThrow(() -> new TaskCompletionRefused("reasonCode must be one of "
					+ REJECTION_CODES.stream().map(ReasonCode::code).collect(Collectors.joining(", ")) + ", not "
					+ value));
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
