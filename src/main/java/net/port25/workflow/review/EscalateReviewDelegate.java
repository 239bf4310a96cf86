package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.staff.TaskEscalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateReview}: an overdue review is offered to the lead group too, at
 * high priority.
 */
@Component
class EscalateReviewDelegate implements JavaDelegate {

	private final TaskEscalation escalation;

	private final ReviewProperties properties;

	EscalateReviewDelegate(TaskEscalation escalation, ReviewProperties properties) {
		this.escalation = escalation;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		escalation.escalate(execution.getProcessInstanceId(), Port25AccessProcess.TASK_REVIEW_REQUEST,
				execution.getProcessBusinessKey(), properties.escalateAfter());
	}

}
