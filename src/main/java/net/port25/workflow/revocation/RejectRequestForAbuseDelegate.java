package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.intake.RequestRecord;
import net.port25.workflow.intake.RequestRecords;
import net.port25.workflow.intake.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RejectRequestForAbuse}: critical abuse while the request was still being
 * decided.
 */
@Component
class RejectRequestForAbuseDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final RequestStatus status;

	private final CustomerNotifier notifier;

	RejectRequestForAbuseDelegate(RequestRecords records, RequestStatus status, CustomerNotifier notifier) {
		this.records = records;
		this.status = status;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		String reason = "critical abuse reported: " + execution.getVariable(Variables.REVOCATION_REASON);
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_REJECTED,
				"Your port 25 request was rejected: " + reason, reason));
		status.change(record.requestRef(), AccessStatus.REJECTED, Actors.ABUSE_MONITOR, reason,
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
