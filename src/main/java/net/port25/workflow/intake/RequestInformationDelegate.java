package net.port25.workflow.intake;

import java.util.ArrayList;
import java.util.List;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RequestInformation}: asks the customer for exactly the missing facts, and
 * for the reviewer's questions when the review asked for more information.
 */
@Component
class RequestInformationDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final RequestStatus status;

	private final CustomerNotifier notifier;

	RequestInformationDelegate(RequestRecords records, RequestStatus status, CustomerNotifier notifier) {
		this.records = records;
		this.status = status;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		String reviewerQuestions = reviewerQuestions(execution);
		List<String> questions = new ArrayList<>(record.missingFacts().stream().map(MissingFact::question).toList());
		if (reviewerQuestions != null) {
			questions.add(reviewerQuestions);
		}
		List<String> missingFields = record.missingFacts().stream().map(MissingFact::field).toList();
		notifier.notify(new CustomerNotice(CustomerNotice.Type.INFO_REQUESTED, record.requestRef(), record.channel(),
				record.customerId(), record.serviceType(), record.serviceId(),
				"We need more information before we can review your port 25 request.", null, missingFields,
				String.join("\n", questions)));
		String actor = reviewerQuestions == null ? Actors.ENGINE : Actors.of(execution, Variables.ACTOR);
		status.change(record.requestRef(), AccessStatus.INFO_REQUESTED, actor,
				"information requested: " + String.join(", ",
						reviewerQuestions == null ? missingFields : List.of("reviewer's questions")),
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

	/** The reviewer's questions count once: they are consumed when asked. */
	private static String reviewerQuestions(DelegateExecution execution) {
		if (!"request-info".equals(execution.getVariable(Variables.DECISION))) {
			return null;
		}
		String questions = (String) execution.getVariable(Variables.QUESTIONS);
		execution.removeVariable(Variables.DECISION);
		execution.removeVariable(Variables.QUESTIONS);
		return questions;
	}

}
