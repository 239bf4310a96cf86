package net.port25.workflow.revocation;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/**
 * Ends access for abuse or at staff's decision: without notice, the port is closed first,
 * then the customer told.
 */
@Service
public class AccessRevocation {

	private final Requests requests;

	private final NetworkCommands network;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	AccessRevocation(Requests requests, NetworkCommands network, CustomerNotifier notifier, CustomerMessages messages) {
		this.requests = requests;
		this.network = network;
		this.notifier = notifier;
		this.messages = messages;
	}

	/**
	 * Granted access is revoked: the port is closed, the access revoked and the customer
	 * told.
	 */
	public void revoke(String requestRef, String reason, String actor, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		network.send(record.portCommand(PortCommand.Action.CLOSE, "access revoked: " + reason));
		requests.changeStatus(requestRef, AccessStatus.REVOKED, actor, reason, sourceEventId);
		notifier.notify(record.notice(CustomerNotice.Type.ACCESS_REVOKED,
				messages.text(CustomerMessage.REVOKED, reason), reason));
	}

	/** Critical abuse while the request was still being decided: it is rejected. */
	public void rejectForAbuse(String requestRef, String reportedAbuse, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		String reason = messages.text(CustomerMessage.REJECTED_FOR_ABUSE_REASON, reportedAbuse);
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_REJECTED,
				messages.text(CustomerMessage.REJECTED, reason), reason));
		requests.changeStatus(requestRef, AccessStatus.REJECTED, Actors.ABUSE_MONITOR, reason, sourceEventId);
	}

}
