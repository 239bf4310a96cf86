package net.port25.workflow.enablement;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.staff.TaskEscalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalatePortOpening}: approved access that staff have not opened in time
 * goes to the leads too.
 */
@Component
class EscalatePortOpeningDelegate implements JavaDelegate {

	private final TaskEscalation escalation;

	private final EnablementProperties properties;

	EscalatePortOpeningDelegate(TaskEscalation escalation, EnablementProperties properties) {
		this.escalation = escalation;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		escalation.escalate(execution.getProcessInstanceId(), Port25AccessProcess.TASK_OPEN_PORT_25,
				execution.getProcessBusinessKey(), properties.escalateAfter());
	}

}
