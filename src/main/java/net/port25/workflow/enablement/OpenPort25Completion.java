package net.port25.workflow.enablement;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.TaskCompletionRefused;
import net.port25.workflow.access.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing {@code openPort25} means the port is open: {@code opened} must be true. */
@Component
class OpenPort25Completion implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		if (!Boolean.TRUE.equals(task.getVariable(Variables.OPENED))) {
			throw new TaskCompletionRefused("complete openPort25 only once port 25 is open (opened = true)");
		}
		task.setVariable(Variables.ACTOR, Actors.staff(task));
	}

}
