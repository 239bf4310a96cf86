package net.port25.workflow.intake;

import java.util.List;

import net.port25.workflow.access.PolicyDecisions;
import net.port25.workflow.request.MissingFact;
import net.port25.workflow.request.RequestFacts;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * Which of the facts the policy requires before staff review a request still lacks. The
 * rules live in {@code bpmn/request-completeness.dmn}, so that the policy can be read and
 * changed without reading Java.
 */
@Component
class CompletenessDecision {

	static final String DECISION_KEY = "request-completeness";

	private final PolicyDecisions decisions;

	CompletenessDecision(PolicyDecisions decisions) {
		this.decisions = decisions;
	}

	/**
	 * The missing facts in the order of the decision's rules, which is the order of the
	 * recommended format.
	 */
	List<MissingFact> missingFacts(RequestFacts facts) {
		return missingFacts(decisions.evaluate(DECISION_KEY, facts.decisionInputs()));
	}

	static List<MissingFact> missingFacts(DmnDecisionResult result) {
		return result.stream()
			.map((entries) -> new MissingFact(entries.<String>getEntry("missingField"),
					entries.<String>getEntry("question")))
			.toList();
	}

}
