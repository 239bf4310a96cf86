package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
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
				(String) execution.getVariable(Variables.REVOCATION_REASON), Actors.of(execution, Variables.ACTOR),
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
