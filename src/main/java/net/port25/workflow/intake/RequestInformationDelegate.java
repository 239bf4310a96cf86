package net.port25.workflow.intake;

import net.port25.workflow.Port25AccessProcess.ReviewDecision;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RequestInformation}: asks the customer for exactly the missing facts, and
 * for the reviewer's questions when the review asked for more information.
 */
@Component
class RequestInformationDelegate implements JavaDelegate {

	private final InformationRequests informationRequests;

	RequestInformationDelegate(InformationRequests informationRequests) {
		this.informationRequests = informationRequests;
	}

	@Override
	public void execute(DelegateExecution execution) {
		informationRequests.ask(execution.getProcessBusinessKey(), reviewerQuestions(execution),
				Actors.of(execution, Variables.ACTOR), (String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

	/** The reviewer's questions count once: they are consumed when asked. */
	private static String reviewerQuestions(DelegateExecution execution) {
		if (ReviewDecision.of(execution.getVariable(Variables.REVIEW_OUTCOME))
			.orElse(null) != ReviewDecision.REQUEST_INFO) {
			return null;
		}
		String questions = (String) execution.getVariable(Variables.REVIEWER_QUESTIONS);
		execution.removeVariable(Variables.REVIEW_OUTCOME);
		execution.removeVariable(Variables.REVIEWER_QUESTIONS);
		return questions;
	}

}
