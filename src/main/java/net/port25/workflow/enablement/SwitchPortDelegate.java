package net.port25.workflow.enablement;

import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SwitchPort}: the cMetal customer switched port 25 on or off. */
@Component
class SwitchPortDelegate implements JavaDelegate {

	private final PortEnablement enablement;

	SwitchPortDelegate(PortEnablement enablement) {
		this.enablement = enablement;
	}

	@Override
	public void execute(DelegateExecution execution) {
		enablement.switchPort(execution.getProcessBusinessKey(),
				Boolean.TRUE.equals(execution.getVariable(Variables.SWITCH_ENABLED)),
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
