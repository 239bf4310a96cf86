package net.port25.workflow.revocation;

import java.util.Set;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.TaskCompletionRefused;
import net.port25.workflow.access.Actors;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code reviewAbuse}: revoke or dismiss, with a reason; a revocation carries
 * it to the customer.
 */
@Component
class ReviewAbuseCompletion implements TaskListener {

	private static final Set<String> DECISIONS = Set.of("revoke", "dismiss");

	private final AuditTrail audit;

	ReviewAbuseCompletion(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void notify(DelegateTask task) {
		String decision = (String) task.getVariable(Variables.ABUSE_DECISION);
		String reason = (String) task.getVariable(Variables.REASON);
		if (decision == null || !DECISIONS.contains(decision)) {
			throw new TaskCompletionRefused("abuseDecision must be revoke or dismiss, not " + decision);
		}
		if (reason == null || reason.isBlank()) {
			throw new TaskCompletionRefused("an abuse decision needs a reason");
		}
		String actor = Actors.staff(task);
		task.setVariable(Variables.ACTOR, actor);
		if (decision.equals("revoke")) {
			task.setVariable(Variables.REVOCATION_REASON, reason);
		}
		audit.record(AuditEntry.action(task.getExecution().getProcessBusinessKey(), null, actor, "ABUSE_REVIEWED",
				decision + ": " + reason, null));
	}

}
