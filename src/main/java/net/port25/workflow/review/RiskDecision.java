package net.port25.workflow.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.port25.workflow.access.PolicyDecisions;
import net.port25.workflow.inventory.Ownership;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.RequestFacts;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * What a reviewer should weigh in a request: public recipients, missing mail
 * authentication, volumes, earlier revocations. The rules live in
 * {@code bpmn/request-risk.dmn}; the findings advise, the reviewer decides.
 */
@Component
class RiskDecision {

	static final String DECISION_KEY = "request-risk";

	private final PolicyDecisions decisions;

	RiskDecision(PolicyDecisions decisions) {
		this.decisions = decisions;
	}

	/** What the risk decision weighs besides the request's own facts. */
	record Context(int previousRevocations, int previousRejections, int previousAbuseReports, String thirdPartyProvider,
			Ownership inventory) {

		static final Context NONE = new Context(0, 0, 0, null, Ownership.OWNED);

	}

	/**
	 * The findings in the order of the decision's rules; none for an unremarkable
	 * request.
	 */
	List<Finding> findings(RequestFacts facts, Context context) {
		return findings(decisions.evaluate(DECISION_KEY, inputs(facts, context)));
	}

	/**
	 * The completeness decision's variables, so that both decisions see the same
	 * normalized facts, and what is known about the service, its IP addresses and the
	 * provider named.
	 */
	static Map<String, Object> inputs(RequestFacts facts, Context context) {
		Map<String, Object> inputs = new HashMap<>(facts.decisionInputs());
		inputs.put("previousRevocations", context.previousRevocations());
		inputs.put("previousRejections", context.previousRejections());
		inputs.put("previousAbuseReports", context.previousAbuseReports());
		inputs.put("thirdPartyProvider", context.thirdPartyProvider());
		inputs.put("inventory", switch (context.inventory()) {
			case OWNED -> "agrees";
			case NOT_THEIRS -> "disagrees";
			case UNKNOWN -> "unknown";
		});
		return inputs;
	}

	static List<Finding> findings(DmnDecisionResult result) {
		return result.stream()
			.map((entries) -> new Finding(entries.<String>getEntry("code"),
					Finding.Severity.valueOf(entries.<String>getEntry("severity")),
					entries.<String>getEntry("description")))
			.toList();
	}

}
