package net.port25.workflow.intake;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CloseRequest}: no answer to the info request in time. */
@Component
class CloseRequestDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final RequestStatus status;

	private final CustomerNotifier notifier;

	private final IntakeProperties properties;

	CloseRequestDelegate(RequestRecords records, RequestStatus status, CustomerNotifier notifier,
			IntakeProperties properties) {
		this.records = records;
		this.status = status;
		this.notifier = notifier;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		String reason = "no answer to the information request within " + properties.infoExpiresAfter();
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_CLOSED,
				"Your port 25 request was closed because we did not receive the information we asked for. "
						+ "You are welcome to submit a new request.",
				reason));
		status.change(record.requestRef(), AccessStatus.CLOSED, Actors.ENGINE, reason, null);
		execution.setVariable(Variables.REQUEST_APPROVED, false);
	}

}
