package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.Actors;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** An overdue review is offered to the leads too, at high priority. */
@Service
public class ReviewEscalation {

	static final int ESCALATED_PRIORITY = 90;

	private final TaskService taskService;

	private final ReviewProperties properties;

	private final AuditTrail audit;

	ReviewEscalation(TaskService taskService, ReviewProperties properties, AuditTrail audit) {
		this.taskService = taskService;
		this.properties = properties;
		this.audit = audit;
	}

	public void escalate(String processInstanceId, String requestRef) {
		Task review = taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(Port25AccessProcess.TASK_REVIEW_REQUEST)
			.singleResult();
		if (review == null) {
			return;
		}
		taskService.addCandidateGroup(review.getId(), Port25AccessProcess.GROUP_LEADS);
		taskService.setPriority(review.getId(), ESCALATED_PRIORITY);
		audit.record(AuditEntry.action(requestRef, null, Actors.ENGINE, AuditAction.REVIEW_ESCALATED,
				"undecided after " + properties.escalateAfter() + "; offered to " + Port25AccessProcess.GROUP_LEADS,
				null));
	}

}
