package net.port25.workflow.access;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The policy's decision tables ({@code bpmn/*.dmn}), each evaluated in its latest version
 * by the engine's DMN engine, as a business rule task evaluates its table: in the
 * delegate's command context, with the engine's history and metrics for decisions, and no
 * authorization of its own. The latest version is looked up once per
 * {@link DecisionProperties#newVersionsWithin()}, so that a version deployed while the
 * engine runs is used by every node from then on. Camunda's {@code DecisionService} reads
 * the definition from the database at every evaluation, by key or by id (bench at 150
 * events/s: 1.9 statements per event, and 4.4% of a requests thread's CPU in the lookup
 * by key).
 */
@Component
public class PolicyDecisions {

	private final DmnEngine dmnEngine;

	private final CommandExecutor commandExecutor;

	private final DecisionProperties properties;

	private final Clock clock;

	private final Map<String, CachedReading<DmnDecision>> latestVersions = new ConcurrentHashMap<>();

	@Autowired
	PolicyDecisions(ProcessEngine engine, DecisionProperties properties) {
		this(engine, properties, Clock.systemUTC());
	}

	PolicyDecisions(ProcessEngine engine, DecisionProperties properties, Clock clock) {
		// the built engine's: its configuration has no DMN engine or command executor
		// before
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		this.dmnEngine = configuration.getDmnEngine();
		this.commandExecutor = configuration.getCommandExecutorTxRequired();
		this.properties = properties;
		this.clock = clock;
	}

	/** The result of the latest version of the decision {@code key} for these inputs. */
	public DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
		return dmnEngine.evaluateDecision(latestVersion(key), inputs);
	}

	private DmnDecision latestVersion(String key) {
		return latestVersions
			.computeIfAbsent(key,
					(absent) -> new CachedReading<>(() -> deployedLatestVersion(key), properties.newVersionsWithin(),
							clock))
			.get();
	}

	/**
	 * The definition the engine has parsed and keeps in its deployment cache, which is
	 * the decision itself ({@link DecisionDefinitionEntity} is a
	 * {@code DmnDecisionImpl}).
	 */
	private DmnDecision deployedLatestVersion(String key) {
		return commandExecutor.execute(
				(Command<DmnDecision>) (context) -> (DecisionDefinitionEntity) context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedLatestDecisionDefinitionByKey(key));
	}

}
