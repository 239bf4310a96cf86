package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.port25.workflow.ContractExamples;
import net.port25.workflow.access.PolicyDecisions;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.RequestFacts;

/**
 * The engine evaluates the deployed decisions, as the application does
 * ({@link PolicyDecisions}), with each FEEL expression parsed once, and decides as
 * Camunda's standalone DMN engine decides on the same model.
 */
@IntegrationTest
class DecisionEngineIntegrationTests {

	private static final String COMPLETENESS = "request-completeness";

	// the contract's data carries requestRef, channel and customerId, which are not facts
	private static final ObjectMapper objectMapper = new ObjectMapper()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	@Autowired
	ProcessEngineConfiguration configuration;

	@Autowired
	PolicyDecisions decisions;

	@Test
	void decidesAsTheEngineAsShippedWithEachExpressionParsedOnce() throws IOException {
		ParsedOnceFeelEngine feel = (ParsedOnceFeelEngine) ((ProcessEngineConfigurationImpl) configuration)
			.getDmnEngineConfiguration()
			.getFeelEngine();
		DmnEngine shipped = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		DmnDecision decision;
		try (InputStream in = new FileInputStream("bpmn/request-completeness.dmn")) {
			decision = shipped.parseDecision(COMPLETENESS, in);
		}

		for (String example : List.of("submitted-icolocation.json", "submitted-cmetal-incomplete.json")) {
			Map<String, Object> inputs = facts(example).decisionInputs();
			List<Map<String, Object>> expected = shipped.evaluateDecision(decision, inputs).getResultList();

			assertThat(evaluate(inputs)).as(example).isEqualTo(expected);
			int kept = feel.expressionsKept();
			assertThat(evaluate(inputs)).as(example).isEqualTo(expected);
			assertThat(feel.expressionsKept()).as("expressions parsed again for %s", example).isEqualTo(kept);
		}
		assertThat(feel.expressionsKept()).isPositive();
	}

	private List<Map<String, Object>> evaluate(Map<String, Object> inputs) {
		return decisions.evaluate(COMPLETENESS, inputs).getResultList();
	}

	private static RequestFacts facts(String example) throws IOException {
		return objectMapper.treeToValue(objectMapper.readTree(ContractExamples.read(example)).get("data"),
				RequestFacts.class);
	}

}
