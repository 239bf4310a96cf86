package net.port25.workflow.events;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the effects of several events in one engine command, in the transaction they are
 * applied in: every engine call of theirs takes part in that command, and the engine
 * writes what all of them changed in one flush at its end, a multi-row INSERT per table
 * for all their process instances, where a command per call wrote one per table and call.
 * Until then, the engine's queries see none of it: events are applied together only when
 * none of them concerns what another one does ({@link FlushGroup}).
 */
@Component
class EngineFlush {

	private final CommandExecutor commands;

	EngineFlush(ProcessEngine engine) {
		this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired();
	}

	/** Runs the effects with one engine flush at their end. */
	void together(Runnable effects) {
		commands.execute((context) -> {
			effects.run();
			return null;
		});
	}

}
