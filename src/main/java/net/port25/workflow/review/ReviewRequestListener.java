package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess.ReviewDecision;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.staff.StaffTasks;
import net.port25.workflow.staff.TaskOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code reviewRequest}: created with the request on its card and an empty form;
 * completed with a decision the policy takes (or refuses, with the reason, and the task
 * stays open), handed to the process.
 */
@Component
class ReviewRequestListener implements TaskListener {

	private static final String[] FORM = { Variables.DECISION, Variables.REASON, Variables.REASON_CODE,
			Variables.QUESTIONS };

	private final RequestDecisions decisions;

	private final StaffTasks staffTasks;

	ReviewRequestListener(RequestDecisions decisions, StaffTasks staffTasks) {
		this.decisions = decisions;
		this.staffTasks = staffTasks;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			staffTasks.label(task);
			TaskOutcome.clear(task, FORM);
			return;
		}
		String reviewer = Actors.staff(task);
		String reason = TaskOutcome.text(task, Variables.REASON);
		String questions = TaskOutcome.text(task, Variables.QUESTIONS);
		RequestDecisions.Decision decision = decisions.decide(task.getExecution().getProcessBusinessKey(),
				TaskOutcome.take(task, Variables.DECISION), reason, TaskOutcome.take(task, Variables.REASON_CODE),
				questions, reviewer);
		DelegateExecution instance = task.getExecution().getProcessInstance();
		instance.setVariable(Variables.ACTOR, reviewer);
		instance.setVariable(Variables.REVIEW_OUTCOME, decision.decision().value());
		instance.setVariable(Variables.REVIEW_REASON, reason);
		instance.setVariable(Variables.REVIEW_REASON_CODE,
				decision.reasonCode() == null ? null : decision.reasonCode().code());
		instance.setVariable(Variables.REVIEWER_QUESTIONS,
				decision.decision() == ReviewDecision.REQUEST_INFO ? questions : null);
	}

}
