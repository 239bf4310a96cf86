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
 * service that already has a live request, or one the inventory lists under someone else,
 * or the service changed hands in the inventory. It ends at once, and the customer is
 * told why.
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
		// a record without a type still reads "for service SVC-1", never "for SVC-1"
		String type = record.serviceType() == null ? "service" : record.serviceType().contractName();
		switch (reasonCode) {
			case DUPLICATE -> end(record, AccessStatus.REJECTED, reasonCode,
					messages.text(CustomerMessage.DUPLICATE, requestRef, type, record.serviceId()),
					messages.text(CustomerMessage.DUPLICATE_REASON), Actors.ENGINE, sourceEventId);
			case NOT_YOUR_SERVICE -> end(record, AccessStatus.REJECTED, reasonCode,
					messages.text(CustomerMessage.REQUEST_NOT_YOUR_SERVICE, requestRef, record.serviceId()),
					messages.text(CustomerMessage.REQUEST_NOT_YOUR_SERVICE_REASON), Actors.INVENTORY, sourceEventId);
			case INVENTORY_CHANGED -> end(record, AccessStatus.CLOSED, reasonCode,
					messages.text(CustomerMessage.CLOSED_INVENTORY_CHANGED, requestRef, type, record.serviceId()),
					messages.text(CustomerMessage.CLOSED_INVENTORY_CHANGED_REASON), Actors.INVENTORY, sourceEventId);
			default -> throw new IllegalArgumentException("a pending request is not refused for " + reasonCode);
		}
	}

	private void end(RequestRecord record, AccessStatus status, ReasonCode reasonCode, String message, String reason,
			String actor, String sourceEventId) {
		notifier.notify(record.notice(status == AccessStatus.CLOSED ? CustomerNotice.Type.REQUEST_CLOSED
				: CustomerNotice.Type.REQUEST_REJECTED, message, reason, reasonCode));
		requests.changeStatus(record.requestRef(), status, reasonCode, actor, reason, sourceEventId);
	}

}
