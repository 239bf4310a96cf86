package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.AbuseDecision;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.ReasonCode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code reviewAbuse}: revoke or dismiss, with a reason; a revocation carries
 * the report along.
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
		long reportId = (Long) task.getVariable(Variables.ABUSE_REPORT_ID);
		AbuseDecision decision = reviews.decide(task.getExecution().getProcessBusinessKey(), reportId,
				task.getVariable(Variables.ABUSE_DECISION), reason, reviewer);
		task.setVariable(Variables.ACTOR, reviewer);
		if (decision == AbuseDecision.REVOKE) {
			// the revocation runs outside this review's scope, after the abuse-confirmed
			// error has ended it
			DelegateExecution instance = task.getExecution().getProcessInstance();
			instance.setVariable(Variables.REVOCATION_REASON, reason);
			instance.setVariable(Variables.REVOCATION_REASON_CODE, ReasonCode.ABUSE.code());
			instance.setVariable(Variables.ABUSE_REPORT_ID, reportId);
		}
	}

}
