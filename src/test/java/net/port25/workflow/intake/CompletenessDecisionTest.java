package net.port25.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.access.PolicyDecisions;
import net.port25.workflow.request.MissingFact;
import net.port25.workflow.request.RecipientType;
import net.port25.workflow.request.RequestFacts;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code bpmn/request-completeness.dmn} on Camunda's standalone DMN engine (FEEL
 * scala, as in the process engine), fed and read by the same code as in production.
 */
class CompletenessDecisionTest {

	// the contract's data carries requestRef, channel and customerId, which are not facts
	private static final ObjectMapper objectMapper = new ObjectMapper()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
		.buildEngine();

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		try (InputStream in = new FileInputStream("bpmn/request-completeness.dmn")) {
			decision = dmnEngine.parseDecision(CompletenessDecision.DECISION_KEY, in);
		}
	}

	@Test
	void findsNothingMissingInACompleteRequest() {
		assertThat(missingFacts(complete())).isEmpty();
	}

	@Test
	void asksForExactlyTheFactsTheIncompleteCMetalExampleLacks() {
		assertThat(missingFacts(example("submitted-cmetal-incomplete.json"))).extracting(MissingFact::field)
			.containsExactly("application", "websiteUrl", "expectedDailyVolume", "expectedMonthlyVolume",
					"recipientType", "recipientSource", "abuseControls", "dmarcConfigured", "rdnsConfigured",
					"submissionPortsInsufficientReason");
	}

	@Test
	void asksForEveryFactOnceInAnEmptyRequest() {
		assertThat(missingFacts(RequestFacts.NONE)).extracting(MissingFact::field)
			.containsExactly("serviceType", "serviceId", "hostname", "ipAddresses", "useCase", "application",
					"mailServerSoftware", "mailType", "sendingDomains", "websiteUrl", "expectedDailyVolume",
					"expectedMonthlyVolume", "recipientType", "recipientSource", "abuseControls", "spfConfigured",
					"dkimConfigured", "dmarcConfigured", "rdnsConfigured", "submissionPortsInsufficientReason");
	}

	@Test
	void asksEachFactAsAQuestion() {
		assertThat(missingFacts(RequestFacts.NONE)).extracting(MissingFact::question)
			.allSatisfy((question) -> assertThat(question).matches("(?s).*[?.]$"))
			.doesNotHaveDuplicates();
	}

	@Test
	void asksForTheServiceType() {
		assertThat(missingFacts(without(complete(), "serviceType"))).containsExactly(new MissingFact("serviceType",
				"Which of our services is the request for: cVirtual, cMetal or iColocation?"));
	}

	@Test
	void asksForTheDeviceIdOfACMetalServer() {
		RequestFacts facts = without(with(complete(), "serviceType", "cMetal"), "serviceId");

		assertThat(missingFacts(facts)).singleElement().satisfies((fact) -> {
			assertThat(fact.field()).isEqualTo("serviceId");
			assertThat(fact.question()).contains("Device ID").contains("cMetal");
		});
	}

	@Test
	void asksForTheServiceIdOfOtherServices() {
		for (String serviceType : List.of("cVirtual", "iColocation")) {
			RequestFacts facts = without(with(complete(), "serviceType", serviceType), "serviceId");

			assertThat(missingFacts(facts)).singleElement().satisfies((fact) -> {
				assertThat(fact.field()).isEqualTo("serviceId");
				assertThat(fact.question()).contains("service ID").doesNotContain("Device ID");
			});
		}
	}

	@Test
	void asksForTheServiceIdWhenTheServiceTypeIsUnknownToo() {
		assertThat(missingFacts(without(without(complete(), "serviceType"), "serviceId")))
			.extracting(MissingFact::field, (fact) -> fact.question().contains("service ID"))
			.containsExactly(tuple("serviceType", false), tuple("serviceId", true));
	}

	@Test
	void asksForTheHostname() {
		assertOnlyMissing(without(complete(), "hostname"), "hostname", "hostname");
	}

	@Test
	void asksForTheIpAddressesWhenNoneIsGiven() {
		assertOnlyMissing(without(complete(), "ipAddresses"), "ipAddresses", "IP address(es)");
		assertOnlyMissing(with(complete(), "ipAddresses", List.of()), "ipAddresses", "IP address(es)");
		assertOnlyMissing(with(complete(), "ipAddresses", List.of(" ")), "ipAddresses", "IP address(es)");
	}

	@Test
	void asksForTheReasonPort25IsNeeded() {
		assertOnlyMissing(without(complete(), "useCase"), "useCase", "reason port 25 is needed");
	}

	@Test
	void treatsABlankAnswerAsNoAnswer() {
		assertOnlyMissing(with(complete(), "useCase", " \t "), "useCase", "reason port 25 is needed");
	}

	@Test
	void asksForTheApplication() {
		assertOnlyMissing(without(complete(), "application"), "application", "application or platform");
	}

	@Test
	void asksForTheMailServerSoftware() {
		assertOnlyMissing(without(complete(), "mailServerSoftware"), "mailServerSoftware", "mail server software");
	}

	@Test
	void asksForTheTypeOfEmail() {
		assertOnlyMissing(without(complete(), "mailType"), "mailType", "type of email");
	}

	@Test
	void asksForTheSendingDomainsWhenNoneIsGiven() {
		assertOnlyMissing(without(complete(), "sendingDomains"), "sendingDomains", "sending domain(s)");
		assertOnlyMissing(with(complete(), "sendingDomains", List.of()), "sendingDomains", "sending domain(s)");
	}

	@Test
	void asksForTheWebsiteOrCompanyInformationWhenBothAreMissing() {
		assertOnlyMissing(without(without(complete(), "websiteUrl"), "companyInfo"), "websiteUrl",
				"website URL or some information about your company");
	}

	@Test
	void acceptsCompanyInfoInsteadOfAWebsite() {
		assertThat(missingFacts(without(complete(), "websiteUrl"))).isEmpty();
	}

	@Test
	void acceptsAWebsiteWithoutCompanyInfo() {
		assertThat(missingFacts(without(complete(), "companyInfo"))).isEmpty();
	}

	@Test
	void asksForTheExpectedDailyVolumeWhenUnanswered() {
		assertOnlyMissing(without(complete(), "expectedDailyVolume"), "expectedDailyVolume", "per day");
	}

	@Test
	void asksForTheExpectedDailyVolumeWhenNotPositive() {
		assertOnlyMissing(with(complete(), "expectedDailyVolume", 0), "expectedDailyVolume", "per day");
		assertOnlyMissing(with(complete(), "expectedDailyVolume", -10), "expectedDailyVolume", "per day");
	}

	@Test
	void asksForTheExpectedMonthlyVolumeWhenUnanswered() {
		assertOnlyMissing(without(complete(), "expectedMonthlyVolume"), "expectedMonthlyVolume", "per month");
	}

	@Test
	void asksForTheExpectedMonthlyVolumeWhenNotPositive() {
		assertOnlyMissing(with(complete(), "expectedMonthlyVolume", 0), "expectedMonthlyVolume", "per month");
	}

	@Test
	void asksForTheRecipientType() {
		assertOnlyMissing(without(complete(), "recipientType"), "recipientType",
				"own users or customers only, internal systems, or the broader public");
		assertThat(missingFacts(without(complete(), "recipientType")).get(0).question())
			.contains("Please answer own customers, internal or public");
	}

	@Test
	void asksHowRecipientsAreObtained() {
		assertOnlyMissing(without(complete(), "recipientSource"), "recipientSource", "opt in");
	}

	@Test
	void asksInternalRecipientsNoOptIn() {
		RequestFacts facts = without(with(complete(), "recipientType", "internal"), "recipientSource");

		assertThat(missingFacts(facts)).singleElement().satisfies((fact) -> {
			assertThat(fact.field()).isEqualTo("recipientSource");
			assertThat(fact.question()).doesNotContainIgnoringCase("opt");
		});
	}

	@Test
	void asksTheBroaderPublicsRecipientsToConfirmTheirOptIn() {
		RequestFacts facts = with(complete(), "recipientType", "public");

		assertOnlyMissing(facts, "optInConfirmed", "opted in");
		assertThat(missingFacts(with(facts, "optInConfirmed", false))).isEmpty();
	}

	@Test
	void takesOwnCustomersOptInFromHowTheyAreObtained() {
		assertThat(missingFacts(with(complete(), "recipientType", "own-customers"))).isEmpty();
	}

	@Test
	void takesWillBeConfiguredBeforeSendingAsAnAnswer() {
		RequestFacts facts = with(with(complete(), "spfConfigured", "before-sending"), "rdnsConfigured",
				"before-sending");

		assertThat(missingFacts(facts)).isEmpty();
	}

	@Test
	void asksForRdnsWithTheHostnameAlignment() {
		assertOnlyMissing(without(complete(), "rdnsConfigured"), "rdnsConfigured", "PTR name that matches");
	}

	@Test
	void asksForTheAbuseControls() {
		assertOnlyMissing(without(complete(), "abuseControls"), "abuseControls", "abuse controls");
	}

	@Test
	void asksWhetherSpfIsConfiguredWhenUnanswered() {
		assertOnlyMissing(without(complete(), "spfConfigured"), "spfConfigured", "SPF configured");
	}

	@Test
	void asksWhetherDkimIsConfiguredWhenUnanswered() {
		assertOnlyMissing(without(complete(), "dkimConfigured"), "dkimConfigured", "DKIM configured");
	}

	@Test
	void asksWhetherDmarcIsConfiguredWhenUnanswered() {
		assertOnlyMissing(without(complete(), "dmarcConfigured"), "dmarcConfigured", "DMARC configured");
	}

	@Test
	void asksWhetherRdnsIsConfiguredWhenUnanswered() {
		assertOnlyMissing(without(complete(), "rdnsConfigured"), "rdnsConfigured", "rDNS");
	}

	@Test
	void takesNoForAnAnswerOnMailAuthentication() {
		RequestFacts facts = with(
				with(with(with(complete(), "spfConfigured", false), "dkimConfigured", false), "dmarcConfigured", false),
				"rdnsConfigured", false);

		assertThat(missingFacts(facts)).isEmpty();
	}

	@Test
	void asksWhyPorts465And587CannotBeUsed() {
		assertOnlyMissing(without(complete(), "submissionPortsInsufficientReason"), "submissionPortsInsufficientReason",
				"ports 465/587");
	}

	@Test
	void passesTheContractNamesToTheDecision() {
		Map<String, Object> inputs = with(complete(), "useCase", "  relay  ").decisionInputs();

		assertThat(inputs).containsEntry("serviceType", "iColocation")
			.containsEntry("recipientType", "own-customers")
			.containsEntry("ipAddressCount", 2)
			.containsEntry("sendingDomainCount", 2)
			.containsEntry("useCase", "relay")
			.containsEntry("expectedDailyVolume", 4000L);
	}

	@Test
	void namesEachRecipientTypeAsTheContractDoes() {
		for (RecipientType recipientType : RecipientType.values()) {
			String contractName = objectMapper.convertValue(recipientType, String.class);
			RequestFacts facts = with(complete(), "recipientType", contractName);

			assertThat(facts.decisionInputs()).containsEntry("recipientType", contractName);
		}
	}

	@Test
	void evaluatesTheDeployedDecisionByItsKey() {
		RequestFacts facts = example("submitted-cmetal-incomplete.json");
		PolicyDecisions decisions = mock(PolicyDecisions.class);
		given(decisions.evaluate("request-completeness", facts.decisionInputs())).willReturn(evaluate(facts));

		assertThat(new CompletenessDecision(decisions).missingFacts(facts)).hasSize(10).isEqualTo(missingFacts(facts));
	}

	private static void assertOnlyMissing(RequestFacts facts, String field, String questionNames) {
		assertThat(missingFacts(facts)).singleElement().satisfies((fact) -> {
			assertThat(fact.field()).isEqualTo(field);
			assertThat(fact.question()).containsIgnoringCase(questionNames);
		});
	}

	private static List<MissingFact> missingFacts(RequestFacts facts) {
		return CompletenessDecision.missingFacts(evaluate(facts));
	}

	private static DmnDecisionResult evaluate(RequestFacts facts) {
		return dmnEngine.evaluateDecision(decision, facts.decisionInputs());
	}

	/** The complete iColocation request of the contract's examples. */
	static RequestFacts complete() {
		return example("submitted-icolocation.json");
	}

	static RequestFacts example(String name) {
		try {
			return objectMapper.treeToValue(objectMapper.readTree(ContractExamples.read(name)).get("data"),
					RequestFacts.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * These facts with one of them, named as in the contract, replaced by the value as
	 * JSON would carry it.
	 */
	static RequestFacts with(RequestFacts facts, String field, Object value) {
		ObjectNode json = objectMapper.valueToTree(facts);
		assertThat(json.has(field)).as("RequestFacts has a field named %s", field).isTrue();
		json.set(field, objectMapper.valueToTree(value));
		try {
			return objectMapper.treeToValue(json, RequestFacts.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RequestFacts without(RequestFacts facts, String field) {
		return with(facts, field, null);
	}

}
