package net.port25.workflow.intake;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_WithdrawRequest}: the customer withdrew; an open port is closed. */
@Component
class WithdrawRequestDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final RequestStatus status;

	private final NetworkCommands network;

	WithdrawRequestDelegate(RequestRecords records, RequestStatus status, NetworkCommands network) {
		this.records = records;
		this.status = status;
		this.network = network;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		String reason = (String) execution.getVariable(Variables.WITHDRAWAL_REASON);
		if (record.status() == AccessStatus.ENABLED) {
			network.send(record.portCommand(PortCommand.Action.CLOSE, "withdrawn by the customer"));
		}
		status.change(record.requestRef(), AccessStatus.WITHDRAWN, Actors.customer(record.customerId()), reason,
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
