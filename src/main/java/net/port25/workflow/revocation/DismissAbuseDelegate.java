package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DismissAbuse}: the report is recorded as dismissed; the access is
 * unchanged.
 */
@Component
class DismissAbuseDelegate implements JavaDelegate {

	private final AbuseReviews reviews;

	DismissAbuseDelegate(AbuseReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.dismiss(execution.getProcessBusinessKey(), (String) execution.getVariable(Variables.DISMISSAL_REASON),
				Actors.of(execution, Variables.ACTOR));
	}

}
