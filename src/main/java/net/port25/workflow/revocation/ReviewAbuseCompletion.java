package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.AbuseDecision;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code reviewAbuse}: revoke or dismiss, with a reason; a revocation carries
 * it to the customer.
 */
@Component
class ReviewAbuseCompletion implements TaskListener {

	private final AbuseReviews reviews;

	ReviewAbuseCompletion(AbuseReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public void notify(DelegateTask task) {
		String reviewer = Actors.staff(task);
		String reason = task.getVariable(Variables.REASON) instanceof String text ? text : null;
		AbuseDecision decision = reviews.decide(task.getExecution().getProcessBusinessKey(),
				task.getVariable(Variables.ABUSE_DECISION), reason, reviewer);
		task.setVariable(Variables.ACTOR, reviewer);
		if (decision == AbuseDecision.REVOKE) {
			task.setVariable(Variables.REVOCATION_REASON, reason);
		}
	}

}
