package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DismissAbuse}: the report is recorded as dismissed; the access is
 * unchanged.
 */
@Component
class DismissAbuseDelegate implements JavaDelegate {

	private final AuditTrail audit;

	DismissAbuseDelegate(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		audit.record(AuditEntry.action(execution.getProcessBusinessKey(), null, Actors.of(execution, Variables.ACTOR),
				"ABUSE_DISMISSED", (String) execution.getVariable(Variables.REASON), null));
	}

}
