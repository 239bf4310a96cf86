package net.port25.workflow.intake;

import java.util.Optional;

import net.port25.workflow.access.Actors;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer is told when a request, an answer or a withdrawal could not be read
 * (a text too long, control characters, a wrong type): the event itself is put aside on
 * the dead-letter topic, and the customer hears why, on their channel
 * ({@code port25.request.invalid}), wherever the request can be told apart. The refusal
 * is kept in the audit trail.
 */
@Service
@Transactional
public class UnreadableRequests {

	private final Requests requests;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	private final AuditTrail audit;

	UnreadableRequests(Requests requests, CustomerNotifier notifier, CustomerMessages messages, AuditTrail audit) {
		this.requests = requests;
		this.notifier = notifier;
		this.messages = messages;
		this.audit = audit;
	}

	/** A new request was not registered; its sender named itself in it. */
	public void submissionRefused(String requestRef, Channel channel, String customerId, String problems,
			String sourceEventId) {
		notifier.notify(new CustomerNotice(CustomerNotice.Type.REQUEST_INVALID, requestRef, channel, customerId, null,
				null, messages.text(CustomerMessage.SUBMISSION_INVALID, problems), problems, null, null, null));
		audit.record(AuditEntry.action(requestRef, null, Actors.customer(customerId), AuditAction.INVALID_INPUT_REFUSED,
				problems, sourceEventId));
	}

	/** An answer to an info request was not applied; told to the request's customer. */
	public void answerRefused(String requestRef, String problems, String sourceEventId) {
		refused(requestRef, CustomerMessage.INFORMATION_NOT_APPLIED, problems, sourceEventId);
	}

	/** A withdrawal was not applied; told to the request's customer. */
	public void withdrawalRefused(String requestRef, String problems, String sourceEventId) {
		refused(requestRef, CustomerMessage.WITHDRAWAL_NOT_APPLIED, problems, sourceEventId);
	}

	private void refused(String requestRef, CustomerMessage notApplied, String problems, String sourceEventId) {
		Optional<RequestRecord> found = requests.find(requestRef);
		if (found.isEmpty()) {
			// no request of that name: nobody to tell
			return;
		}
		RequestRecord record = found.get();
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_INVALID,
				messages.text(notApplied, requestRef, problems), problems));
		audit.record(AuditEntry.action(record.requestRef(), record.serviceId(), Actors.customer(record.customerId()),
				AuditAction.INVALID_INPUT_REFUSED, problems, sourceEventId));
	}

}
