package net.port25.workflow.review;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.request.FindingAdded;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A finding added while the request waits for its review is shown on the review form at
 * once.
 */
@Component
class ReviewBriefRefresh {

	private final Requests requests;

	private final ReviewBrief brief;

	private final RuntimeService runtimeService;

	ReviewBriefRefresh(Requests requests, ReviewBrief brief, RuntimeService runtimeService) {
		this.requests = requests;
		this.brief = brief;
		this.runtimeService = runtimeService;
	}

	@EventListener
	void on(FindingAdded added) {
		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(added.requestRef())
			.processDefinitionKey(Port25AccessProcess.PROCESS_KEY)
			.singleResult();
		if (instance != null) {
			runtimeService.setVariables(instance.getId(), brief.variables(requests.get(added.requestRef())));
		}
	}

}
