package net.port25.workflow.intake;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/**
 * A pending request that cannot go on, whatever a reviewer would decide: it names a
 * service that already has a live request. It ends at once, and the customer is told why.
 */
@Service
public class RequestRefusals {

	private final Requests requests;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	RequestRefusals(Requests requests, CustomerNotifier notifier, CustomerMessages messages) {
		this.requests = requests;
		this.notifier = notifier;
		this.messages = messages;
	}

	public void refuse(String requestRef, ReasonCode reasonCode, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		String reason = messages.text(CustomerMessage.DUPLICATE_REASON);
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_REJECTED, messages.text(CustomerMessage.DUPLICATE,
				requestRef, record.serviceType().contractName(), record.serviceId()), reason, reasonCode));
		requests.changeStatus(requestRef, AccessStatus.REJECTED, reasonCode, Actors.ENGINE, reason, sourceEventId);
	}

}
