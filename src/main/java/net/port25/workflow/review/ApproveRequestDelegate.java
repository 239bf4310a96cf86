package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.enablement.EnablementPolicy;
import net.port25.workflow.intake.RequestRecord;
import net.port25.workflow.intake.RequestRecords;
import net.port25.workflow.intake.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ApproveRequest}: access approved; how the port gets opened depends on the
 * service type.
 */
@Component
class ApproveRequestDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final RequestStatus status;

	private final CustomerNotifier notifier;

	private final EnablementPolicy enablement;

	ApproveRequestDelegate(RequestRecords records, RequestStatus status, CustomerNotifier notifier,
			EnablementPolicy enablement) {
		this.records = records;
		this.status = status;
		this.notifier = notifier;
		this.enablement = enablement;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		EnablementPolicy.Mode mode = enablement.modeFor(record.serviceType());
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_APPROVED, mode.approvalMessage(), null));
		status.change(record.requestRef(), AccessStatus.APPROVED, Actors.of(execution, Variables.ACTOR),
				(String) execution.getVariable(Variables.REASON), null);
		execution.setVariable(Variables.REQUEST_APPROVED, true);
		execution.setVariable(Variables.ENABLEMENT, mode.name());
	}

}
