package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AssessRisk}: the risk findings (DMN request-risk) for the reviewer, kept
 * beside any abuse reported while the request was pending; the request is now in review.
 */
@Component
class AssessRiskDelegate implements JavaDelegate {

	private final RiskAssessment assessment;

	AssessRiskDelegate(RiskAssessment assessment) {
		this.assessment = assessment;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariables(assessment.assess(execution.getProcessBusinessKey(),
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID)));
	}

}
