package net.port25.workflow;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A staff task completed with values the policy does not accept (no decision, a rejection
 * without a reason, a port not yet opened). The task stays open; the engine REST API
 * answers 400 with this message, Tasklist shows it.
 */
public class TaskCompletionRefused extends ProcessEngineException {

	public TaskCompletionRefused(String message) {
		super(message);
	}

}
