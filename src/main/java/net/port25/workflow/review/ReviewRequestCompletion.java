package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code reviewRequest}: the decision is taken, or refused with the reason,
 * and its taker recorded.
 */
@Component
class ReviewRequestCompletion implements TaskListener {

	private final RequestDecisions decisions;

	ReviewRequestCompletion(RequestDecisions decisions) {
		this.decisions = decisions;
	}

	@Override
	public void notify(DelegateTask task) {
		String reviewer = Actors.staff(task);
		RequestDecisions.Decision decision = decisions.decide(task.getExecution().getProcessBusinessKey(),
				task.getVariable(Variables.DECISION), text(task, Variables.REASON),
				task.getVariable(Variables.REASON_CODE), text(task, Variables.QUESTIONS), reviewer);
		task.setVariable(Variables.ACTOR, reviewer);
		if (decision.reasonCode() != null) {
			task.setVariable(Variables.REASON_CODE, decision.reasonCode().code());
		}
	}

	private static String text(DelegateTask task, String variable) {
		return task.getVariable(variable) instanceof String text ? text : null;
	}

}
