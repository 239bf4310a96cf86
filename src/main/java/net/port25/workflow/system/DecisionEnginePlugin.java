package net.port25.workflow.system;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The decision engine evaluates FEEL with {@link ParsedOnceFeelEngine}; everything else
 * about it is as the process engine configures it.
 */
@Component
class DecisionEnginePlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration decisions = Objects.requireNonNullElseGet(
				configuration.getDmnEngineConfiguration(),
				() -> (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
		// the function providers are read when the engine is built, after the process
		// engine has passed them on
		decisions.feelEngineFactory(() -> new ParsedOnceFeelEngine(
				Objects.requireNonNullElseGet(decisions.getFeelCustomFunctionProviders(), List::of)));
		configuration.setDmnEngineConfiguration(decisions);
	}

}
