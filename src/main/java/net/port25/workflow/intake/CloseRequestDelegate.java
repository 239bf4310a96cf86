package net.port25.workflow.intake;

import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CloseRequest}: no answer to the info request in time. */
@Component
class CloseRequestDelegate implements JavaDelegate {

	private final InformationRequests informationRequests;

	CloseRequestDelegate(InformationRequests informationRequests) {
		this.informationRequests = informationRequests;
	}

	@Override
	public void execute(DelegateExecution execution) {
		informationRequests.closeUnanswered(execution.getProcessBusinessKey());
		execution.setVariable(Variables.REQUEST_APPROVED, false);
	}

}
