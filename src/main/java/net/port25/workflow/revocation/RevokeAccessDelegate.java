package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.ReasonCode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RevokeAccess}: without notice, the port is closed, the access revoked and
 * the customer told.
 */
@Component
class RevokeAccessDelegate implements JavaDelegate {

	private final AccessRevocation revocation;

	RevokeAccessDelegate(AccessRevocation revocation) {
		this.revocation = revocation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		revocation.revoke(execution.getProcessBusinessKey(),
				ReasonCode.of(execution.getVariable(Variables.REVOCATION_REASON_CODE)).orElse(ReasonCode.POLICY),
				(String) execution.getVariable(Variables.REVOCATION_REASON),
				(Long) execution.getVariable(Variables.ABUSE_REPORT_ID), Actors.of(execution, Variables.ACTOR),
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
