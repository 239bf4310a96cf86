package net.port25.workflow.enablement;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.Readable;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.inventory.ServiceInventory;
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

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	private final ServiceInventory inventory;

	PortEnablement(Requests requests, NetworkCommands network, CustomerNotifier notifier, CustomerMessages messages,
			ServiceInventory inventory) {
		this.requests = requests;
		this.network = network;
		this.notifier = notifier;
		this.messages = messages;
		this.inventory = inventory;
	}

	/** Staff opened the port: the access is enabled, and the customer told. */
	public void openedByStaff(String requestRef, String staff) {
		requests.changeStatus(requestRef, AccessStatus.ENABLED, staff, "port 25 opened by staff", null);
		RequestRecord record = requests.get(requestRef);
		notifier.notify(record.notice(CustomerNotice.Type.ACCESS_ENABLED, messages.text(CustomerMessage.ACCESS_ENABLED,
				record.serviceType().contractName(), record.serviceId(), Readable.list(record.approvedIpAddresses())),
				null));
	}

	/** The customer switched the port on or off; network automation is told to follow. */
	public void switchPort(String requestRef, boolean enabled, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		String reason = enabled ? "switched on by the customer" : "switched off by the customer";
		// opened: the approved addresses the service still holds; closed: all approved
		// ones, which is always safe
		network.send(enabled
				? record.portCommand(PortCommand.Action.OPEN,
						inventory.stillHeld(record.serviceId(), record.approvedIpAddresses()), reason)
				: record.portCommand(PortCommand.Action.CLOSE, reason));
		requests.changeStatus(requestRef, enabled ? AccessStatus.ENABLED : AccessStatus.DISABLED,
				Actors.customer(record.customerId()), reason, sourceEventId);
	}

}
