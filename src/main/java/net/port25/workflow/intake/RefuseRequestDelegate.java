package net.port25.workflow.intake;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.ReasonCode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RefuseRequest}: the pending request cannot go on (a duplicate, not the
 * customer's service, or the service changed hands), whatever review would decide.
 */
@Component
class RefuseRequestDelegate implements JavaDelegate {

	private final RequestRefusals refusals;

	RefuseRequestDelegate(RequestRefusals refusals) {
		this.refusals = refusals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReasonCode reasonCode = ReasonCode.of(execution.getVariable(Variables.REFUSAL_REASON_CODE))
			.orElseThrow(() -> new IllegalStateException("no refusal reason code"));
		refusals.refuse(execution.getProcessBusinessKey(), reasonCode,
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
