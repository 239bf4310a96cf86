package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.AbuseDecision;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.staff.StaffTasks;
import net.port25.workflow.staff.TaskOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code reviewAbuse}: created with its own report and what came before it on the form,
 * and an empty decision of its own (a second report's review never opens with the first
 * one's); completed with revoke or dismiss and a reason, kept in this review's scope; a
 * revocation carries the report to the revocation.
 */
@Component
class ReviewAbuseListener implements TaskListener {

	private final AbuseReviews reviews;

	private final StaffTasks staffTasks;

	ReviewAbuseListener(AbuseReviews reviews, StaffTasks staffTasks) {
		this.reviews = reviews;
		this.staffTasks = staffTasks;
	}

	@Override
	public void notify(DelegateTask task) {
		long reportId = (Long) task.getVariable(Variables.ABUSE_REPORT_ID);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			staffTasks.label(task);
			TaskOutcome.clear(task, Variables.ABUSE_DECISION, Variables.REASON);
			task.setVariableLocal(Variables.ABUSE_REPORT, reviews.report(reportId));
			task.setVariableLocal(Variables.ABUSE_HISTORY, reviews.history(reportId));
			return;
		}
		String reviewer = Actors.staff(task);
		String reason = TaskOutcome.text(task, Variables.REASON);
		AbuseDecision decision = reviews.decide(task.getExecution().getProcessBusinessKey(), reportId,
				TaskOutcome.take(task, Variables.ABUSE_DECISION), reason, reviewer);
		// declared in the review's scope when the report opened it: set there, not on the
		// process
		task.getExecution().setVariable(Variables.ABUSE_REVIEW_OUTCOME, decision.value());
		task.getExecution().setVariable(Variables.DISMISSAL_REASON, reason);
		DelegateExecution instance = task.getExecution().getProcessInstance();
		instance.setVariable(Variables.ACTOR, reviewer);
		if (decision == AbuseDecision.REVOKE) {
			// the revocation runs outside this review's scope, after the abuse-confirmed
			// error has ended it
			instance.setVariable(Variables.REVOCATION_REASON, reason);
			instance.setVariable(Variables.REVOCATION_REASON_CODE, ReasonCode.ABUSE.code());
			instance.setVariable(Variables.ABUSE_REPORT_ID, reportId);
		}
	}

}
