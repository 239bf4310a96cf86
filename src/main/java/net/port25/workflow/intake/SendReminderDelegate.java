package net.port25.workflow.intake;

import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendReminder}: the customer has not answered the info request yet. */
@Component
class SendReminderDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final CustomerNotifier notifier;

	private final AuditTrail audit;

	SendReminderDelegate(RequestRecords records, CustomerNotifier notifier, AuditTrail audit) {
		this.records = records;
		this.notifier = notifier;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		notifier.notify(record.notice(CustomerNotice.Type.REMINDER_SENT,
				"Reminder: we are still waiting for the information we asked for about your port 25 request.", null));
		audit.record(
				AuditEntry.action(record.requestRef(), record.serviceId(), Actors.ENGINE, "REMINDER_SENT", null, null));
	}

}
