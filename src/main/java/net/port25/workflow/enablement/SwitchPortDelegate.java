package net.port25.workflow.enablement;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.intake.RequestRecord;
import net.port25.workflow.intake.RequestRecords;
import net.port25.workflow.intake.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SwitchPort}: the cMetal customer switched port 25 on or off. */
@Component
class SwitchPortDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final RequestStatus status;

	private final NetworkCommands network;

	SwitchPortDelegate(RequestRecords records, RequestStatus status, NetworkCommands network) {
		this.records = records;
		this.status = status;
		this.network = network;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		boolean enabled = Boolean.TRUE.equals(execution.getVariable(Variables.SWITCH_ENABLED));
		String reason = enabled ? "switched on by the customer" : "switched off by the customer";
		network.send(record.portCommand(enabled ? PortCommand.Action.OPEN : PortCommand.Action.CLOSE, reason));
		status.change(record.requestRef(), enabled ? AccessStatus.ENABLED : AccessStatus.DISABLED,
				Actors.customer(record.customerId()), reason,
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
