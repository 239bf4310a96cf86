package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.enablement.EnablementPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ApproveRequest}: access approved; how the port gets opened depends on the
 * service type.
 */
@Component
class ApproveRequestDelegate implements JavaDelegate {

	private final RequestDecisions decisions;

	ApproveRequestDelegate(RequestDecisions decisions) {
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		EnablementPolicy.Mode mode = decisions.approve(execution.getProcessBusinessKey(),
				Actors.of(execution, Variables.ACTOR), (String) execution.getVariable(Variables.REVIEW_REASON));
		execution.setVariable(Variables.REQUEST_APPROVED, true);
		execution.setVariable(Variables.ENABLEMENT, mode.name());
	}

}
