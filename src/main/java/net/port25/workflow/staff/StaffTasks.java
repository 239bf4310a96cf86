package net.port25.workflow.staff;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a staff task says on its card in Tasklist: its name with the request reference,
 * the service and the customer, so that a reviewer typing a reference into the search box
 * finds it, and its filter columns.
 */
@Component
public class StaffTasks {

	private final Requests requests;

	StaffTasks(Requests requests) {
		this.requests = requests;
	}

	/**
	 * Names the task {@code Review request T-100234: iColocation COLO-7781, customer
	 * C-4410} and gives it the variables its filter shows on the card.
	 */
	public void label(DelegateTask task) {
		RequestRecord record = requests.get(task.getExecution().getProcessBusinessKey());
		String serviceType = (record.serviceType() == null) ? null : record.serviceType().contractName();
		String service = (serviceType == null ? "" : serviceType + " ")
				+ (record.serviceId() == null ? "(no service yet)" : record.serviceId());
		task.setName(task.getName() + " " + record.requestRef() + ": " + service + ", customer " + record.customerId());
		task.setVariableLocal(Variables.REQUEST_REF, record.requestRef());
		task.setVariableLocal(Variables.SERVICE_TYPE, serviceType);
		task.setVariableLocal(Variables.SERVICE_ID, record.serviceId());
		task.setVariableLocal(Variables.CUSTOMER_ID, record.customerId());
	}

}
