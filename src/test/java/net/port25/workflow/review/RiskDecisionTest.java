package net.port25.workflow.review;

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
import net.port25.workflow.inventory.Ownership;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.Finding.Severity;
import net.port25.workflow.request.RequestFacts;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code bpmn/request-risk.dmn} on Camunda's standalone DMN engine (FEEL scala,
 * as in the process engine), fed and read by the same code as in production.
 */
class RiskDecisionTest {

	// the contract's data carries requestRef, channel and customerId, which are not facts
	private static final ObjectMapper objectMapper = new ObjectMapper()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
		.buildEngine();

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		try (InputStream in = new FileInputStream("bpmn/request-risk.dmn")) {
			decision = dmnEngine.parseDecision(RiskDecision.DECISION_KEY, in);
		}
	}

	@Test
	void findsNothingInAnUnremarkableRequest() {
		assertThat(findings(unremarkable())).isEmpty();
	}

	@Test
	void flagsPublicRecipientsWithoutOptIn() {
		RequestFacts facts = with(with(unremarkable(), "recipientType", "public"), "optInConfirmed", false);

		assertThat(codesAndSeverities(facts)).containsExactly(
				tuple("PUBLIC_RECIPIENTS_WITHOUT_OPT_IN", Severity.CRITICAL),
				tuple("PUBLIC_RECIPIENTS", Severity.WARNING));
	}

	@Test
	void trustsThePublicsConfirmedOptIn() {
		RequestFacts facts = with(with(unremarkable(), "recipientType", "public"), "optInConfirmed", true);

		assertThat(codesAndSeverities(facts)).containsExactly(tuple("PUBLIC_RECIPIENTS", Severity.WARNING));
	}

	@Test
	void flagsOwnCustomersWithoutOptIn() {
		RequestFacts facts = with(unremarkable(), "optInConfirmed", false);

		assertThat(codesAndSeverities(facts)).containsExactly(tuple("OWN_CUSTOMERS_WITHOUT_OPT_IN", Severity.WARNING));
	}

	@Test
	void notesMailAuthenticationThatWillBeConfiguredBeforeSending() {
		RequestFacts facts = with(with(unremarkable(), "spfConfigured", "before-sending"), "rdnsConfigured",
				"before-sending");

		assertThat(codesAndSeverities(facts)).containsExactly(tuple("SPF_BEFORE_SENDING", Severity.INFO),
				tuple("RDNS_BEFORE_SENDING", Severity.INFO));
	}

	@Test
	void flagsAPtrNameThatDoesNotMatchTheHostname() {
		assertThat(codesAndSeverities(with(unremarkable(), "rdnsMatchesHostname", false)))
			.containsExactly(tuple("RDNS_NOT_MATCHING_HOSTNAME", Severity.WARNING));
	}

	@Test
	void flagsAThirdPartyProviderNamedInTheRequest() {
		assertThat(findings(
				RiskDecision.inputs(unremarkable(), new RiskDecision.Context(0, 0, 0, "SendGrid", Ownership.OWNED))))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.code()).isEqualTo("THIRD_PARTY_PROVIDER");
				assertThat(finding.description()).contains("SendGrid", "465/587", "use-submission-ports");
			});
	}

	@Test
	void flagsEarlierRejectionsAndAbuseReportsOfTheServiceOrItsIpAddresses() {
		assertThat(
				findings(RiskDecision.inputs(unremarkable(), new RiskDecision.Context(0, 2, 3, null, Ownership.OWNED))))
			.extracting(Finding::code, Finding::description)
			.containsExactly(
					tuple("PREVIOUSLY_REJECTED",
							"Requests for this service or one of its IP addresses were rejected 2 time(s) before."),
					tuple("PREVIOUS_ABUSE_REPORTS",
							"Abuse was reported 3 time(s) before for this service or one of its IP addresses."));
	}

	@Test
	void flagsPublicRecipients() {
		assertThat(codesAndSeverities(with(unremarkable(), "recipientType", "public")))
			.containsExactly(tuple("PUBLIC_RECIPIENTS", Severity.WARNING));
	}

	@Test
	void doesNotAskForOptInFromOwnCustomersOrInternalRecipients() {
		for (String recipientType : List.of("own-customers", "internal")) {
			assertThat(findings(without(with(unremarkable(), "recipientType", recipientType), "recipientSource")))
				.isEmpty();
		}
	}

	@Test
	void flagsSpfThatIsNotConfigured() {
		assertThat(codesAndSeverities(with(unremarkable(), "spfConfigured", false)))
			.containsExactly(tuple("SPF_NOT_CONFIGURED", Severity.WARNING));
	}

	@Test
	void flagsDkimThatIsNotConfigured() {
		assertThat(codesAndSeverities(with(unremarkable(), "dkimConfigured", false)))
			.containsExactly(tuple("DKIM_NOT_CONFIGURED", Severity.WARNING));
	}

	@Test
	void flagsDmarcThatIsNotConfigured() {
		assertThat(codesAndSeverities(with(unremarkable(), "dmarcConfigured", false)))
			.containsExactly(tuple("DMARC_NOT_CONFIGURED", Severity.WARNING));
	}

	@Test
	void flagsRdnsThatIsNotConfigured() {
		assertThat(codesAndSeverities(with(unremarkable(), "rdnsConfigured", false)))
			.containsExactly(tuple("RDNS_NOT_CONFIGURED", Severity.WARNING));
	}

	@Test
	void leavesUnansweredMailAuthenticationToTheCompletenessDecision() {
		RequestFacts facts = without(
				without(without(without(unremarkable(), "spfConfigured"), "dkimConfigured"), "dmarcConfigured"),
				"rdnsConfigured");

		assertThat(findings(facts)).isEmpty();
	}

	@Test
	void flagsInternalMailOfMoreThanTenThousandADay() {
		RequestFacts facts = volumes(with(unremarkable(), "recipientType", "internal"), 10_001, 300_000);

		assertThat(findings(facts)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("VOLUME_OUT_OF_LINE_WITH_USE_CASE");
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.description()).contains("10001");
		});
	}

	@Test
	void acceptsTenThousandInternalMailsADay() {
		assertThat(findings(volumes(with(unremarkable(), "recipientType", "internal"), 10_000, 300_000))).isEmpty();
	}

	@Test
	void acceptsMoreThanTenThousandMailsADayToOwnCustomers() {
		assertThat(findings(volumes(unremarkable(), 20_000, 600_000))).isEmpty();
	}

	@Test
	void flagsAHighVolume() {
		assertThat(findings(volumes(unremarkable(), 50_001, 1_500_000))).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("HIGH_VOLUME");
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.description()).contains("50001");
		});
	}

	@Test
	void acceptsFiftyThousandMailsADay() {
		assertThat(findings(volumes(unremarkable(), 50_000, 1_500_000))).isEmpty();
	}

	@Test
	void flagsAHighInternalVolumeBothWays() {
		RequestFacts facts = volumes(with(unremarkable(), "recipientType", "internal"), 60_000, 1_800_000);

		assertThat(findings(facts)).extracting(Finding::code)
			.containsExactly("VOLUME_OUT_OF_LINE_WITH_USE_CASE", "HIGH_VOLUME");
	}

	@Test
	void flagsAMonthlyVolumeAboveThirtyOneDays() {
		assertThat(findings(volumes(unremarkable(), 1_000, 31_001))).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("VOLUMES_INCONSISTENT");
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.description()).contains("31001").contains("1000");
		});
	}

	@Test
	void flagsAMonthlyVolumeBelowTheDailyVolume() {
		assertThat(codesAndSeverities(volumes(unremarkable(), 1_000, 999)))
			.containsExactly(tuple("VOLUMES_INCONSISTENT", Severity.INFO));
	}

	@Test
	void acceptsMonthlyVolumesFromOneToThirtyOneDays() {
		assertThat(findings(volumes(unremarkable(), 1_000, 1_000))).isEmpty();
		assertThat(findings(volumes(unremarkable(), 1_000, 31_000))).isEmpty();
	}

	@Test
	void leavesUnansweredVolumesToTheCompletenessDecision() {
		assertThat(findings(without(unremarkable(), "expectedDailyVolume"))).isEmpty();
		assertThat(findings(without(unremarkable(), "expectedMonthlyVolume"))).isEmpty();
	}

	@Test
	void flagsAnEarlierRevocation() {
		assertThat(findings(RiskDecision.inputs(unremarkable(), revoked(2)))).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("PREVIOUSLY_REVOKED");
			assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(finding.description()).contains("2 time(s)");
		});
	}

	@Test
	void flagsAServiceTheInventoryDoesNotKnowOrListsOtherwise() {
		assertThat(findings(
				RiskDecision.inputs(unremarkable(), new RiskDecision.Context(0, 0, 0, null, Ownership.UNKNOWN))))
			.extracting(Finding::code, Finding::severity)
			.containsExactly(tuple("INVENTORY_UNKNOWN", Severity.WARNING));
		assertThat(findings(
				RiskDecision.inputs(unremarkable(), new RiskDecision.Context(0, 0, 0, null, Ownership.NOT_THEIRS))))
			.extracting(Finding::code, Finding::severity)
			.containsExactly(tuple("INVENTORY_DISAGREES", Severity.CRITICAL));
	}

	@Test
	void weighsAnEmptyRequestWithoutFailing() {
		assertThat(findings(RequestFacts.NONE)).isEmpty();
	}

	@Test
	void evaluatesTheDeployedDecisionByItsKey() {
		RequestFacts facts = with(unremarkable(), "recipientType", "public");
		PolicyDecisions decisions = mock(PolicyDecisions.class);
		given(decisions.evaluate("request-risk", RiskDecision.inputs(facts, revoked(1))))
			.willReturn(dmnEngine.evaluateDecision(decision, RiskDecision.inputs(facts, revoked(1))));

		assertThat(new RiskDecision(decisions).findings(facts, revoked(1))).extracting(Finding::code)
			.containsExactly("PUBLIC_RECIPIENTS", "PREVIOUSLY_REVOKED");
	}

	private static RiskDecision.Context revoked(int times) {
		return new RiskDecision.Context(times, 0, 0, null, Ownership.OWNED);
	}

	private static List<Finding> findings(RequestFacts facts) {
		return findings(RiskDecision.inputs(facts, RiskDecision.Context.NONE));
	}

	private static List<Finding> findings(Map<String, Object> inputs) {
		DmnDecisionResult result = dmnEngine.evaluateDecision(decision, inputs);
		return RiskDecision.findings(result);
	}

	private static List<Tuple> codesAndSeverities(RequestFacts facts) {
		return findings(facts).stream().map((finding) -> tuple(finding.code(), finding.severity())).toList();
	}

	/**
	 * The complete iColocation request of the contract's examples: own customers,
	 * everything configured.
	 */
	private static RequestFacts unremarkable() {
		try {
			byte[] event = ContractExamples.read("submitted-icolocation.json");
			return objectMapper.treeToValue(objectMapper.readTree(event).get("data"), RequestFacts.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RequestFacts volumes(RequestFacts facts, long daily, long monthly) {
		return with(with(facts, "expectedDailyVolume", daily), "expectedMonthlyVolume", monthly);
	}

	/**
	 * These facts with one of them, named as in the contract, replaced by the value as
	 * JSON would carry it.
	 */
	private static RequestFacts with(RequestFacts facts, String field, Object value) {
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

	private static RequestFacts without(RequestFacts facts, String field) {
		return with(facts, field, null);
	}

}
