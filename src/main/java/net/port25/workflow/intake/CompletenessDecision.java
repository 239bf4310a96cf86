package net.port25.workflow.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Which of the facts the policy requires before staff review a request still lacks. The
 * rules live in {@code bpmn/request-completeness.dmn}, so that the policy can be read and
 * changed without reading Java.
 */
@Component
public class CompletenessDecision {

	static final String DECISION_KEY = "request-completeness";

	private final DecisionService decisionService;

	public CompletenessDecision(DecisionService decisionService) {
		this.decisionService = decisionService;
	}

	/**
	 * The missing facts in the order of the decision's rules, which is the order of the
	 * recommended format.
	 */
	public List<MissingFact> missingFacts(RequestFacts facts) {
		return missingFacts(decisionService.evaluateDecisionByKey(DECISION_KEY).variables(inputs(facts)).evaluate());
	}

	/**
	 * The facts as the decisions' input variables: contract names for the enums, blank
	 * text as {@code null} and lists as the number of their non-blank entries. Public
	 * because the risk decision reads the same variables.
	 */
	public static Map<String, Object> inputs(RequestFacts facts) {
		// a HashMap, because an unanswered fact is a null variable, not an absent one
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("serviceType", (facts.serviceType() != null) ? facts.serviceType().contractName() : null);
		inputs.put("serviceId", text(facts.serviceId()));
		inputs.put("hostname", text(facts.hostname()));
		inputs.put("ipAddressCount", count(facts.ipAddresses()));
		inputs.put("useCase", text(facts.useCase()));
		inputs.put("application", text(facts.application()));
		inputs.put("mailServerSoftware", text(facts.mailServerSoftware()));
		inputs.put("mailType", text(facts.mailType()));
		inputs.put("sendingDomainCount", count(facts.sendingDomains()));
		inputs.put("websiteUrl", text(facts.websiteUrl()));
		inputs.put("companyInfo", text(facts.companyInfo()));
		inputs.put("expectedDailyVolume", facts.expectedDailyVolume());
		inputs.put("expectedMonthlyVolume", facts.expectedMonthlyVolume());
		inputs.put("recipientType", (facts.recipientType() != null) ? contractName(facts.recipientType()) : null);
		inputs.put("recipientSource", text(facts.recipientSource()));
		inputs.put("abuseControls", text(facts.abuseControls()));
		inputs.put("spfConfigured", facts.spfConfigured());
		inputs.put("dkimConfigured", facts.dkimConfigured());
		inputs.put("dmarcConfigured", facts.dmarcConfigured());
		inputs.put("rdnsConfigured", facts.rdnsConfigured());
		inputs.put("submissionPortsInsufficientReason", text(facts.submissionPortsInsufficientReason()));
		return inputs;
	}

	static List<MissingFact> missingFacts(DmnDecisionResult result) {
		return result.stream()
			.map((entries) -> new MissingFact(entries.<String>getEntry("missingField"),
					entries.<String>getEntry("question")))
			.toList();
	}

	// the names of the contract, as RecipientType's @JsonProperty spells them
	private static String contractName(RecipientType recipientType) {
		return switch (recipientType) {
			case OWN_CUSTOMERS -> "own-customers";
			case INTERNAL -> "internal";
			case PUBLIC -> "public";
		};
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static int count(List<String> values) {
		return (values != null) ? (int) values.stream().filter((value) -> text(value) != null).count() : 0;
	}

}
