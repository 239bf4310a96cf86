package net.port25.workflow.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendReminder}: the customer has not answered the info request yet. */
@Component
class SendReminderDelegate implements JavaDelegate {

	private final InformationRequests informationRequests;

	SendReminderDelegate(InformationRequests informationRequests) {
		this.informationRequests = informationRequests;
	}

	@Override
	public void execute(DelegateExecution execution) {
		informationRequests.remind(execution.getProcessBusinessKey());
	}

}
