package net.port25.workflow.enablement;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/**
 * Approved access becomes an open port: staff opened it, or the cMetal customer switches
 * it.
 */
@Service
public class PortEnablement {

	private final Requests requests;

	private final NetworkCommands network;

	PortEnablement(Requests requests, NetworkCommands network) {
		this.requests = requests;
		this.network = network;
	}

	/** Staff opened the port; the access is enabled. */
	public void openedByStaff(String requestRef, String staff) {
		requests.changeStatus(requestRef, AccessStatus.ENABLED, staff, "port 25 opened by staff", null);
	}

	/** The customer switched the port on or off; network automation is told to follow. */
	public void switchPort(String requestRef, boolean enabled, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		String reason = enabled ? "switched on by the customer" : "switched off by the customer";
		network.send(record.portCommand(enabled ? PortCommand.Action.OPEN : PortCommand.Action.CLOSE, reason));
		requests.changeStatus(requestRef, enabled ? AccessStatus.ENABLED : AccessStatus.DISABLED,
				Actors.customer(record.customerId()), reason, sourceEventId);
	}

}
