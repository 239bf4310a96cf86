package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.ReasonCode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RejectRequest}: the reviewer rejected the request, with a reason the
 * customer is told.
 */
@Component
class RejectRequestDelegate implements JavaDelegate {

	private final RequestDecisions decisions;

	RejectRequestDelegate(RequestDecisions decisions) {
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		decisions.reject(execution.getProcessBusinessKey(), Actors.of(execution, Variables.ACTOR),
				(String) execution.getVariable(Variables.REASON),
				ReasonCode.of(execution.getVariable(Variables.REASON_CODE)).orElse(ReasonCode.POLICY));
		execution.setVariable(Variables.REQUEST_APPROVED, false);
	}

}
