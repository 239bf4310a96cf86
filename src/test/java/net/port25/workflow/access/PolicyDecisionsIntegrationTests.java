package net.port25.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.port25.workflow.infrastructure.IntegrationTest;

/**
 * A decision table is evaluated in its latest version, looked up once per
 * {@code new-versions-within}: a version deployed while the engine runs is used once that
 * time has passed, and not before.
 */
@IntegrationTest
class PolicyDecisionsIntegrationTests {

	private static final Duration NEW_VERSIONS_WITHIN = Duration.ofSeconds(30);

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ProcessEngine engine;

	private final MovableClock clock = new MovableClock();

	private final List<String> deployments = new ArrayList<>();

	private final String key = "policy-decisions-test-" + System.nanoTime();

	@AfterEach
	void deleteDeployments() {
		deployments.forEach((id) -> repositoryService.deleteDeployment(id, true));
	}

	@Test
	void usesANewVersionOnceItsTimeHasPassedAndNotBefore() {
		PolicyDecisions decisions = new PolicyDecisions(engine, new DecisionProperties(NEW_VERSIONS_WITHIN), clock);
		deploy("first");
		assertThat(verdict(decisions)).isEqualTo("first");

		deploy("second");
		clock.advance(NEW_VERSIONS_WITHIN.minusSeconds(1));
		assertThat(verdict(decisions)).isEqualTo("first");

		clock.advance(Duration.ofSeconds(1));
		assertThat(verdict(decisions)).isEqualTo("second");
	}

	@Test
	void namesADecisionThatIsNotDeployed() {
		PolicyDecisions decisions = new PolicyDecisions(engine, new DecisionProperties(NEW_VERSIONS_WITHIN), clock);

		assertThatExceptionOfType(ProcessEngineException.class).isThrownBy(() -> verdict(decisions))
			.withMessageContaining(key);
	}

	private String verdict(PolicyDecisions decisions) {
		return decisions.evaluate(key, Map.of("input", "any")).getSingleEntry();
	}

	private void deploy(String verdict) {
		deployments.add(repositoryService.createDeployment().addString(key + ".dmn", table(verdict)).deploy().getId());
	}

	private String table(String verdict) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%1$s-definitions" name="test" namespace="http://camunda.org/schema/1.0/dmn">
				  <decision id="%1$s" name="test" camunda:historyTimeToLive="P1D" xmlns:camunda="http://camunda.org/schema/1.0/dmn">
				    <decisionTable id="%1$s-table">
				      <input id="input" label="input"><inputExpression id="input-expression" typeRef="string"><text>input</text></inputExpression></input>
				      <output id="verdict" name="verdict" typeRef="string" />
				      <rule id="any"><inputEntry id="any-input"><text>-</text></inputEntry><outputEntry id="any-output"><text>"%2$s"</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				"""
			.formatted(key, verdict);
	}

}
