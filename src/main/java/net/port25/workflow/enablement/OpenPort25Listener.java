package net.port25.workflow.enablement;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.staff.StaffTasks;
import net.port25.workflow.staff.TaskOutcome;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code openPort25}: created with what to open on the form (the service, its customer,
 * the approved addresses, who approved them); completed only once the port is open, which
 * goes to the audit trail.
 */
@Component
class OpenPort25Listener implements TaskListener {

	private final PortOpening portOpening;

	private final StaffTasks staffTasks;

	OpenPort25Listener(PortOpening portOpening, StaffTasks staffTasks) {
		this.portOpening = portOpening;
		this.staffTasks = staffTasks;
	}

	@Override
	public void notify(DelegateTask task) {
		String requestRef = task.getExecution().getProcessBusinessKey();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			staffTasks.label(task);
			TaskOutcome.clear(task, Variables.OPENED);
			task.setVariableLocal(Variables.PORT_TO_OPEN, portOpening.whatToOpen(requestRef));
			return;
		}
		String staff = Actors.staff(task);
		portOpening.opened(requestRef, TaskOutcome.take(task, Variables.OPENED), staff);
		task.getExecution().getProcessInstance().setVariable(Variables.ACTOR, staff);
	}

}
