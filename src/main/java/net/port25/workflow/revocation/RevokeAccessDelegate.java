package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.intake.RequestRecord;
import net.port25.workflow.intake.RequestRecords;
import net.port25.workflow.intake.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RevokeAccess}: without notice, the port is closed, the access revoked and
 * the customer told.
 */
@Component
class RevokeAccessDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final RequestStatus status;

	private final NetworkCommands network;

	private final CustomerNotifier notifier;

	RevokeAccessDelegate(RequestRecords records, RequestStatus status, NetworkCommands network,
			CustomerNotifier notifier) {
		this.records = records;
		this.status = status;
		this.network = network;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		String reason = (String) execution.getVariable(Variables.REVOCATION_REASON);
		network.send(record.portCommand(PortCommand.Action.CLOSE, "access revoked: " + reason));
		status.change(record.requestRef(), AccessStatus.REVOKED, Actors.of(execution, Variables.ACTOR), reason,
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
		notifier.notify(record.notice(CustomerNotice.Type.ACCESS_REVOKED,
				"Your outbound port 25 access was revoked: " + reason, reason));
	}

}
