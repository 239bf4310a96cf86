package net.port25.workflow.intake;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What intake answers when it cannot take what a customer sent: a duplicate, an answer
 * nobody asked for, or an event for no open request. Every such message gets an answer.
 */
@Component
class IntakeReplies {

	private static final Logger log = LoggerFactory.getLogger(IntakeReplies.class);

	private final Requests requests;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	private final AuditTrail audit;

	private final Counter unmatched;

	IntakeReplies(Requests requests, CustomerNotifier notifier, CustomerMessages messages, AuditTrail audit,
			MeterRegistry meters) {
		this.requests = requests;
		this.notifier = notifier;
		this.messages = messages;
		this.audit = audit;
		this.unmatched = meters.counter("port25.events.unmatched", "capability", "intake");
	}

	/**
	 * The service already has a live request: the new one is refused and the refusal
	 * kept.
	 */
	void refuseDuplicate(RequestRecord duplicate, String sourceEventId) {
		String reason = messages.text(CustomerMessage.DUPLICATE_REASON);
		notifier
			.notify(duplicate.notice(CustomerNotice.Type.REQUEST_REJECTED,
					messages.text(CustomerMessage.DUPLICATE, duplicate.requestRef(),
							duplicate.serviceType().contractName(), duplicate.serviceId()),
					reason, ReasonCode.DUPLICATE));
		audit.record(AuditEntry.action(duplicate.requestRef(), duplicate.serviceId(),
				Actors.customer(duplicate.customerId()), AuditAction.DUPLICATE_REFUSED, reason, sourceEventId));
	}

	/**
	 * The inventory lists the service under someone else (or does not know it, where it
	 * must): the request is refused, and the customer told only that the service is not
	 * found in their account.
	 */
	void refuseNotTheirs(RequestRecord refused, String sourceEventId) {
		String reason = messages.text(CustomerMessage.REQUEST_NOT_YOUR_SERVICE_REASON);
		notifier.notify(refused.notice(CustomerNotice.Type.REQUEST_REJECTED,
				messages.text(CustomerMessage.REQUEST_NOT_YOUR_SERVICE, refused.requestRef(), refused.serviceId()),
				reason, ReasonCode.NOT_YOUR_SERVICE));
		audit.record(AuditEntry.action(refused.requestRef(), refused.serviceId(), Actors.customer(refused.customerId()),
				AuditAction.OWNERSHIP_REFUSED, reason, sourceEventId));
	}

	/**
	 * An answer while the request waits for none: its facts stay as they are, and the
	 * customer is told why.
	 */
	void notAsked(RequestRecord record, String sourceEventId) {
		notOpen(record.requestRef(), Optional.of(record), CustomerMessage.INFORMATION_NOT_APPLIED,
				messages.text(CustomerMessage.INFORMATION_NOT_ASKED), sourceEventId);
	}

	/**
	 * The event refers to nothing that can take it: say so on the reply topic, and go on.
	 */
	void notOpen(String requestRef, CustomerMessage notApplied, String sourceEventId) {
		Optional<RequestRecord> found = requests.find(requestRef);
		String reason = messages
			.text(found.isPresent() ? CustomerMessage.REQUEST_ENDED : CustomerMessage.REQUEST_UNKNOWN);
		notOpen(requestRef, found, notApplied, reason, sourceEventId);
	}

	private void notOpen(String requestRef, Optional<RequestRecord> found, CustomerMessage notApplied, String reason,
			String sourceEventId) {
		log.warn("{} for {} not applied: {} (event {})", notApplied, requestRef, reason, sourceEventId);
		unmatched.increment();
		String message = messages.text(notApplied, requestRef, reason);
		notifier.notify(found.map((record) -> record.notice(CustomerNotice.Type.REQUEST_NOT_OPEN, message, reason))
			.orElseGet(() -> new CustomerNotice(CustomerNotice.Type.REQUEST_NOT_OPEN, requestRef, null, null, null,
					null, message, reason, null, null, null)));
	}

}
