package net.port25.workflow.enablement;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EnableAccess}: staff opened the port; the access is enabled. */
@Component
class EnableAccessDelegate implements JavaDelegate {

	private final PortEnablement enablement;

	EnableAccessDelegate(PortEnablement enablement) {
		this.enablement = enablement;
	}

	@Override
	public void execute(DelegateExecution execution) {
		enablement.openedByStaff(execution.getProcessBusinessKey(), Actors.of(execution, Variables.ACTOR));
	}

}
