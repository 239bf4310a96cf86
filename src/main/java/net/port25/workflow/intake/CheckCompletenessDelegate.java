package net.port25.workflow.intake;

import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckCompleteness}: which required facts are missing or unusable (DMN
 * request-completeness).
 */
@Component
class CheckCompletenessDelegate implements JavaDelegate {

	private final InformationRequests informationRequests;

	CheckCompletenessDelegate(InformationRequests informationRequests) {
		this.informationRequests = informationRequests;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean complete = informationRequests.checkCompleteness(execution.getProcessBusinessKey());
		execution.setVariable(Variables.REQUEST_COMPLETE, complete);
	}

}
