package net.port25.workflow.enablement;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.intake.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EnableAccess}: staff opened the port; the access is enabled. */
@Component
class EnableAccessDelegate implements JavaDelegate {

	private final RequestStatus status;

	EnableAccessDelegate(RequestStatus status) {
		this.status = status;
	}

	@Override
	public void execute(DelegateExecution execution) {
		status.change(execution.getProcessBusinessKey(), AccessStatus.ENABLED, Actors.of(execution, Variables.ACTOR),
				"port 25 opened by staff", null);
	}

}
