package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RejectRequestForAbuse}: high or critical abuse while the request was still
 * being decided.
 */
@Component
class RejectRequestForAbuseDelegate implements JavaDelegate {

	private final AccessRevocation revocation;

	RejectRequestForAbuseDelegate(AccessRevocation revocation) {
		this.revocation = revocation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		revocation.rejectForAbuse(execution.getProcessBusinessKey(),
				(Long) execution.getVariable(Variables.ABUSE_REPORT_ID),
				(String) execution.getVariable(Variables.REVOCATION_REASON),
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
