package net.port25.workflow.staff;

import java.time.Duration;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.Actors;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** A staff task left undone too long is offered to the leads too, at high priority. */
@Service
public class TaskEscalation {

	static final int ESCALATED_PRIORITY = 90;

	private final TaskService taskService;

	private final AuditTrail audit;

	TaskEscalation(TaskService taskService, AuditTrail audit) {
		this.taskService = taskService;
		this.audit = audit;
	}

	/** Escalates the instance's open task of this key, if it is still open. */
	public void escalate(String processInstanceId, String taskKey, String requestRef, Duration overdueAfter) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task == null) {
			return;
		}
		taskService.addCandidateGroup(task.getId(), Port25AccessProcess.GROUP_LEADS);
		taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
		audit.record(AuditEntry.action(requestRef, null, Actors.ENGINE, AuditAction.TASK_ESCALATED,
				task.getName() + " undone after " + overdueAfter + "; offered to " + Port25AccessProcess.GROUP_LEADS,
				null));
	}

}
