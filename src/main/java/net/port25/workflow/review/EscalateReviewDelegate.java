package net.port25.workflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateReview}: an overdue review is offered to the lead group too, at
 * high priority.
 */
@Component
class EscalateReviewDelegate implements JavaDelegate {

	private final ReviewEscalation escalation;

	EscalateReviewDelegate(ReviewEscalation escalation) {
		this.escalation = escalation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		escalation.escalate(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
	}

}
