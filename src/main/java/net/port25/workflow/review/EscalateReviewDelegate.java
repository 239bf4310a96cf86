package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.Actors;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateReview}: an overdue review is offered to the lead group too, at
 * high priority.
 */
@Component
class EscalateReviewDelegate implements JavaDelegate {

	static final int ESCALATED_PRIORITY = 90;

	private final TaskService taskService;

	private final ReviewProperties properties;

	private final AuditTrail audit;

	EscalateReviewDelegate(TaskService taskService, ReviewProperties properties, AuditTrail audit) {
		this.taskService = taskService;
		this.properties = properties;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Task review = taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(Port25AccessProcess.TASK_REVIEW_REQUEST)
			.singleResult();
		if (review == null) {
			return;
		}
		taskService.addCandidateGroup(review.getId(), properties.leadGroup());
		taskService.setPriority(review.getId(), ESCALATED_PRIORITY);
		audit.record(AuditEntry.action(execution.getProcessBusinessKey(), null, Actors.ENGINE, "REVIEW_ESCALATED",
				"undecided after " + properties.escalateAfter() + "; offered to " + properties.leadGroup(), null));
	}

}
