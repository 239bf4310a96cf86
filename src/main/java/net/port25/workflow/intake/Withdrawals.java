package net.port25.workflow.intake;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/** The end of a request, or of the access it granted, at the customer's wish. */
@Service
public class Withdrawals {

	private final Requests requests;

	private final NetworkCommands network;

	Withdrawals(Requests requests, NetworkCommands network) {
		this.requests = requests;
		this.network = network;
	}

	/** Ends the request; a port that is open is closed. */
	public void withdraw(String requestRef, String reason, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		if (record.status() == AccessStatus.ENABLED) {
			network.send(record.portCommand(PortCommand.Action.CLOSE, "withdrawn by the customer"));
		}
		requests.changeStatus(requestRef, AccessStatus.WITHDRAWN, Actors.customer(record.customerId()), reason,
				sourceEventId);
	}

}
