package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.staff.TaskEscalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateAbuseReview}: an abuse review left undecided goes to the leads too.
 */
@Component
class EscalateAbuseReviewDelegate implements JavaDelegate {

	private final TaskEscalation escalation;

	private final RevocationProperties properties;

	EscalateAbuseReviewDelegate(TaskEscalation escalation, RevocationProperties properties) {
		this.escalation = escalation;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		escalation.escalate(execution.getProcessInstanceId(), Port25AccessProcess.TASK_REVIEW_ABUSE,
				execution.getProcessBusinessKey(), properties.abuseReviewEscalatesAfter());
	}

}
