package net.port25.workflow.review;

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
 * Completing {@code reviewRequest}: the decision must be one the policy knows, a
 * rejection needs a reason and a request for information needs questions; the decision
 * and who took it go to the audit trail.
 */
@Component
class ReviewRequestCompletion implements TaskListener {

	private static final Set<String> DECISIONS = Set.of("approve", "reject", "request-info");

	private final AuditTrail audit;

	ReviewRequestCompletion(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void notify(DelegateTask task) {
		String decision = (String) task.getVariable(Variables.DECISION);
		String reason = (String) task.getVariable(Variables.REASON);
		String questions = (String) task.getVariable(Variables.QUESTIONS);
		if (decision == null || !DECISIONS.contains(decision)) {
			throw new TaskCompletionRefused("decision must be approve, reject or request-info, not " + decision);
		}
		if (decision.equals("reject") && isBlank(reason)) {
			throw new TaskCompletionRefused("a rejection needs a reason");
		}
		if (decision.equals("request-info") && isBlank(questions)) {
			throw new TaskCompletionRefused("a request for information needs the questions to ask");
		}
		String actor = Actors.staff(task);
		task.setVariable(Variables.ACTOR, actor);
		audit.record(AuditEntry.action(task.getExecution().getProcessBusinessKey(), null, actor, "REVIEW_DECIDED",
				decision + (isBlank(reason) ? "" : ": " + reason) + (isBlank(questions) ? "" : " (" + questions + ")"),
				null));
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
