package net.port25.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.request.ConfigurationState;
import net.port25.workflow.request.RecipientType;
import net.port25.workflow.request.RequestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTextParserTest {

	/**
	 * The contract example, one label per entry, so that the layout variations below say
	 * the same thing.
	 */
	private static final List<String> EXAMPLE_LINES = List.of("Service Type: cVirtual",
			"Service ID / Device ID: VS-22817", "Hostname: relay.example-shop.com", "IP Address(es): 203.0.113.40",
			"Reason port 25 is needed: Our order system runs its own MTA for order confirmations",
			"Application or platform sending mail: Magento 2 shop", "Mail server software: Exim 4.96",
			"Sending domain(s): example-shop.com", "Website URL: https://example-shop.com",
			"Type of email being sent: transactional", "Expected daily volume: 300", "Expected monthly volume: 9000",
			"Recipient type: own customers", "How recipients are obtained: customers who placed an order",
			"Abuse prevention controls in place: rate limit 60/min, fail2ban on SMTP AUTH, queue alerts",
			"SPF configured: Yes", "DKIM configured: Yes", "DMARC configured: No", "rDNS configured: Yes",
			"Reason ports 465/587 cannot be used: The shop's hosting plan has no relay; we deliver directly",
			"Additional notes: DMARC will be added before go-live");

	private static final RequestFacts EXAMPLE_FACTS = new RequestFacts(ServiceType.C_VIRTUAL, "VS-22817",
			"relay.example-shop.com", List.of("203.0.113.40"),
			"Our order system runs its own MTA for order confirmations", "Magento 2 shop", "Exim 4.96", "transactional",
			List.of("example-shop.com"), "https://example-shop.com", null, 300L, 9000L, RecipientType.OWN_CUSTOMERS,
			"customers who placed an order", null, "rate limit 60/min, fail2ban on SMTP AUTH, queue alerts",
			ConfigurationState.CONFIGURED, ConfigurationState.CONFIGURED, ConfigurationState.NOT_CONFIGURED,
			ConfigurationState.CONFIGURED, null, "The shop's hosting plan has no relay; we deliver directly",
			"DMARC will be added before go-live");

	@Test
	void keepsOnlyIpLiteralsAsAddresses() {
		RequestFacts facts = RequestTextParser
			.parse("IP Address(es): 300.1.2.3, 203.0.113.7, see ticket, 2001:db8::25 Hostname: mx.example.com");

		assertThat(facts.ipAddresses()).containsExactly("203.0.113.7", "2001:db8::25");
		assertThat(RequestTextParser.parse("IP Address(es): 300.1.2.3").ipAddresses()).isNull();
	}

	@Test
	void readsTheOneLineRecommendedFormat() throws IOException {
		assertThat(RequestTextParser.parse(contractExampleBody())).isEqualTo(EXAMPLE_FACTS);
	}

	@Test
	void readsOneLabelPerLine() {
		assertThat(RequestTextParser.parse(String.join("\n", EXAMPLE_LINES))).isEqualTo(EXAMPLE_FACTS);
	}

	@Test
	void readsWindowsLineEndings() {
		assertThat(RequestTextParser.parse(String.join("\r\n", EXAMPLE_LINES) + "\r\n")).isEqualTo(EXAMPLE_FACTS);
	}

	@Test
	void readsMarkdownBullets() {
		String body = IntStream.range(0, EXAMPLE_LINES.size())
			.mapToObj((i) -> ((i % 2 == 0) ? "- " : "  * ") + EXAMPLE_LINES.get(i))
			.collect(Collectors.joining("\n"));

		assertThat(RequestTextParser.parse(body)).isEqualTo(EXAMPLE_FACTS);
	}

	@Test
	void readsMarkdownBoldLabels() {
		String body = "- **Hostname:** relay.example-shop.com\n- **Expected daily volume**: 300";

		RequestFacts facts = RequestTextParser.parse(body);

		assertThat(facts.hostname()).isEqualTo("relay.example-shop.com");
		assertThat(facts.expectedDailyVolume()).isEqualTo(300L);
	}

	@Test
	void readsNumberedLists() {
		String body = IntStream.range(0, EXAMPLE_LINES.size())
			.mapToObj((i) -> (i + 1) + ". " + EXAMPLE_LINES.get(i))
			.collect(Collectors.joining("\n"));

		assertThat(RequestTextParser.parse(body)).isEqualTo(EXAMPLE_FACTS);
	}

	@Test
	void leavesMissingLabelsNullAndReadsTheOthers() {
		String body = EXAMPLE_LINES.stream()
			.filter((line) -> !line.startsWith("Hostname") && !line.startsWith("SPF")
					&& !line.startsWith("Expected monthly"))
			.collect(Collectors.joining(" "));

		RequestFacts facts = RequestTextParser.parse(body);

		assertThat(facts.hostname()).isNull();
		assertThat(facts.spfConfigured()).isNull();
		assertThat(facts.expectedMonthlyVolume()).isNull();
		assertThat(facts).usingRecursiveComparison()
			.ignoringFields("hostname", "spfConfigured", "expectedMonthlyVolume")
			.isEqualTo(EXAMPLE_FACTS);
	}

	@Test
	void matchesLabelsInAnyCase() {
		String body = IntStream.range(0, EXAMPLE_LINES.size())
			.mapToObj((i) -> relabel(EXAMPLE_LINES.get(i), (i % 2 == 0) ? String::toUpperCase : String::toLowerCase))
			.collect(Collectors.joining(" "));

		assertThat(RequestTextParser.parse(body)).isEqualTo(EXAMPLE_FACTS);
	}

	@Test
	void toleratesExtraSpacesInAndAroundLabels() {
		String body = EXAMPLE_LINES.stream()
			.map((line) -> relabel(line, (label) -> "  " + label.replace(" ", "   ") + "  "))
			.collect(Collectors.joining(" "));

		assertThat(RequestTextParser.parse(body)).isEqualTo(EXAMPLE_FACTS);
	}

	@Test
	void readsLabelsWithoutSpaceAfterTheColon() {
		String body = String.join(" ", EXAMPLE_LINES).replace(": ", ":");

		assertThat(RequestTextParser.parse(body)).isEqualTo(EXAMPLE_FACTS);
	}

	@ParameterizedTest
	@CsvSource({ "Yes, CONFIGURED", "No, NOT_CONFIGURED", "yes, CONFIGURED", "no, NOT_CONFIGURED", "YES, CONFIGURED",
			"y, CONFIGURED", "N, NOT_CONFIGURED", "true, CONFIGURED", "False, NOT_CONFIGURED", "configured, CONFIGURED",
			"done, CONFIGURED", "not configured, NOT_CONFIGURED", "Not yet, NOT_CONFIGURED", "N/A, ", "Yes / No, ",
			"maybe, " })
	void readsYesAndNoAnswers(String answer, ConfigurationState expected) {
		RequestFacts facts = RequestTextParser.parse("SPF configured: " + answer + " DKIM configured: Yes");

		assertThat(facts.spfConfigured()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "will be configured before sending", "Will be configured before sending.",
			"before sending", "planned", "will be set up before go-live", "before we send" })
	void readsThePolicysThirdAnswerForMailAuthentication(String answer) {
		RequestFacts facts = RequestTextParser.parse("SPF configured: Yes DKIM configured: " + answer
				+ " DMARC configured: " + answer + " rDNS configured: " + answer);

		assertThat(facts.spfConfigured()).isEqualTo(ConfigurationState.CONFIGURED);
		assertThat(List.of(facts.dkimConfigured(), facts.dmarcConfigured(), facts.rdnsConfigured()))
			.containsOnly(ConfigurationState.BEFORE_SENDING);
	}

	@Test
	void readsTheOptInConfirmationAndTheHostnameAlignment() {
		RequestFacts facts = RequestTextParser
			.parse("Recipients opted in: Yes\nrDNS configured: Yes\nrDNS matches hostname: No");

		assertThat(facts.optInConfirmed()).isTrue();
		assertThat(facts.rdnsConfigured()).isEqualTo(ConfigurationState.CONFIGURED);
		assertThat(facts.rdnsMatchesHostname()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "300 | 300", "9,000 | 9000", "9.000 | 9000", "1 200 | 1200", "9'000 | 9000",
					"1,200,000 | 1200000", "5k | 5000", "1.5K | 1500", "about 300 | 300", "~300 | 300",
					"300 per day | 300", "100-200 | 200", "100 - 200 | 200", "5k-10k | 10000", "lots | ", "2.5 | " })
	void readsVolumes(String volume, Long expected) {
		RequestFacts facts = RequestTextParser.parse("Expected daily volume: " + volume + " Recipient type: public");

		assertThat(facts.expectedDailyVolume()).isEqualTo(expected);
	}

	@Test
	void leavesAVolumeTooLargeForANumberNull() {
		RequestFacts facts = RequestTextParser.parse("Expected monthly volume: 99999999999999999999999");

		assertThat(facts.expectedMonthlyVolume()).isNull();
	}

	@Test
	void splitsSeveralIpAddressesAndDomains() {
		RequestFacts facts = RequestTextParser
			.parse("IP Address(es): 203.0.113.40, 203.0.113.41 203.0.113.42;203.0.113.43 "
					+ "Sending domain(s): example-shop.com, mail.example-shop.com and example.org");

		assertThat(facts.ipAddresses()).containsExactly("203.0.113.40", "203.0.113.41", "203.0.113.42", "203.0.113.43");
		assertThat(facts.sendingDomains()).containsExactly("example-shop.com", "mail.example-shop.com", "example.org");
	}

	@Test
	void splitsListsGivenOnePerLine() {
		RequestFacts facts = RequestTextParser
			.parse("IP Address(es):\n- 203.0.113.40\n- 203.0.113.41\nHostname: relay.example-shop.com");

		assertThat(facts.ipAddresses()).containsExactly("203.0.113.40", "203.0.113.41");
		assertThat(facts.hostname()).isEqualTo("relay.example-shop.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "IP Address: 203.0.113.40 Sending domain: example-shop.com",
			"IP Addresses: 203.0.113.40 Sending domains: example-shop.com",
			"ip address(es):203.0.113.40 sending domain(s):example-shop.com" })
	void acceptsEachSpellingOfTheListLabels(String body) {
		RequestFacts facts = RequestTextParser.parse(body);

		assertThat(facts.ipAddresses()).containsExactly("203.0.113.40");
		assertThat(facts.sendingDomains()).containsExactly("example-shop.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Service ID / Device ID: VS-22817", "Service ID/Device ID: VS-22817",
			"Service ID: VS-22817", "Device ID: VS-22817" })
	void acceptsEachSpellingOfTheServiceIdLabel(String body) {
		assertThat(RequestTextParser.parse(body + " Hostname: relay.example-shop.com").serviceId())
			.isEqualTo("VS-22817");
	}

	@Test
	void tellsTheTwoReasonLabelsApart() {
		RequestFacts facts = RequestTextParser
			.parse("Reason ports 465/587 cannot be used: no relay Reason port 25 is needed: own MTA");

		assertThat(facts.submissionPortsInsufficientReason()).isEqualTo("no relay");
		assertThat(facts.useCase()).isEqualTo("own MTA");
	}

	@Test
	void readsTheOptionalCompanyInformation() {
		RequestFacts facts = RequestTextParser
			.parse("Website URL: N/A Company information: Example Shop GmbH, Berlin, VAT DE123456789");

		assertThat(facts.websiteUrl()).isNull();
		assertThat(facts.companyInfo()).isEqualTo("Example Shop GmbH, Berlin, VAT DE123456789");
	}

	@Test
	void treatsEmptyAndNotApplicableValuesAsMissing() {
		RequestFacts facts = RequestTextParser.parse("Hostname: IP Address(es): N/A Reason port 25 is needed: - "
				+ "Mail server software: n/a Website URL: none Company information: TBD "
				+ "Application or platform sending mail: Magento 2 shop Additional notes:   ");

		assertThat(facts).isEqualTo(new RequestFacts(null, null, null, null, null, "Magento 2 shop", null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
	}

	@Test
	void keepsColonsInsideValues() {
		RequestFacts facts = RequestTextParser
			.parse("Website URL: https://example-shop.com:8443/shop Additional notes: Note: DMARC follows");

		assertThat(facts.websiteUrl()).isEqualTo("https://example-shop.com:8443/shop");
		assertThat(facts.notes()).isEqualTo("Note: DMARC follows");
	}

	@Test
	void keepsUnknownLabelsInThePreviousValue() {
		RequestFacts facts = RequestTextParser.parse("Additional notes: call first\nContact person: Jane");

		assertThat(facts.notes()).isEqualTo("call first\nContact person: Jane");
	}

	@Test
	void readsAnAnswerOfOneWordOrNameFromItsFirstLineWhenAnUnknownLabelFollows() {
		RequestFacts facts = RequestTextParser.parse(String.join("\n", "Service Type: cMetal", "Contract: 2024-17",
				"Service ID / Device ID: DEV-90017", "Application: Postfix relay", "Hostname: mx1.contoso-shop.example",
				"Owner: ops team", "rDNS configured: Yes",
				"Why ports 465/587 are not sufficient: our customers' servers accept mail on port 25 only",
				"Recipients opted in: Yes", "Consent: double opt-in", "DMARC configured: No", "DMARC policy: p=none"));

		assertThat(facts.serviceType()).isEqualTo(ServiceType.C_METAL);
		assertThat(facts.serviceId()).isEqualTo("DEV-90017");
		assertThat(facts.hostname()).isEqualTo("mx1.contoso-shop.example");
		assertThat(facts.rdnsConfigured()).isEqualTo(ConfigurationState.CONFIGURED);
		assertThat(facts.optInConfirmed()).isTrue();
		assertThat(facts.dmarcConfigured()).isEqualTo(ConfigurationState.NOT_CONFIGURED);
	}

	@Test
	void readsAShortAnswerOverTwoLinesAsAWhole() {
		RequestFacts facts = RequestTextParser
			.parse("DMARC configured:\nNo\nwill be configured before go-live\nSPF configured:\nYes");

		assertThat(facts.dmarcConfigured()).isEqualTo(ConfigurationState.BEFORE_SENDING);
		assertThat(facts.spfConfigured()).isEqualTo(ConfigurationState.CONFIGURED);
	}

	@Test
	void ignoresTextBeforeTheFirstLabel() {
		RequestFacts facts = RequestTextParser.parse("Hello,\nplease open port 25.\n\nService Type: cMetal");

		assertThat(facts).isEqualTo(new RequestFacts(ServiceType.C_METAL, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
	}

	@Test
	void keepsTheFirstAnswerWhenALabelIsRepeated() {
		RequestFacts facts = RequestTextParser
			.parse("Hostname: relay.example-shop.com Additional notes: see Hostname: old.example-shop.com");

		assertThat(facts.hostname()).isEqualTo("relay.example-shop.com");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\r\n\t " })
	void readsNoFactsFromABlankBody(String body) {
		assertThat(RequestTextParser.parse(body)).isEqualTo(RequestFacts.NONE);
	}

	@Test
	void leavesAnUnknownServiceTypeNullAndReadsTheRest() throws IOException {
		RequestFacts facts = RequestTextParser.parse(contractExampleBody().replace("cVirtual", "VPS large"));

		assertThat(facts.serviceType()).isNull();
		assertThat(facts).usingRecursiveComparison().ignoringFields("serviceType").isEqualTo(EXAMPLE_FACTS);
	}

	@ParameterizedTest
	@CsvSource({ "cVirtual, C_VIRTUAL", "CMETAL, C_METAL", "icolocation, I_COLOCATION", "c-Virtual, C_VIRTUAL" })
	void readsServiceTypesInAnyCase(String serviceType, ServiceType expected) {
		assertThat(RequestTextParser.parse("Service Type: " + serviceType).serviceType()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "own customers | OWN_CUSTOMERS", "own-customers | OWN_CUSTOMERS", "Own Customers | OWN_CUSTOMERS",
					"internal | INTERNAL", "PUBLIC | PUBLIC", "friends and family | ",
					"own users/customers only | OWN_CUSTOMERS", "internal systems | INTERNAL",
					"broader public recipients | PUBLIC", "broader public | PUBLIC", "internal recipients | INTERNAL",
					"the public | PUBLIC", "our own users | OWN_CUSTOMERS", "internal users | INTERNAL",
					"own users/customers only, internal systems, or broader public recipients | " })
	void readsRecipientTypes(String recipientType, RecipientType expected) {
		RequestFacts facts = RequestTextParser.parse("Recipient type: " + recipientType + "\nAdditional notes: -");

		assertThat(facts.recipientType()).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("oddBodies")
	@Timeout(10)
	void neverThrowsOnOddInput(String body) {
		assertThatNoException().isThrownBy(() -> RequestTextParser.parse(body));
	}

	static Stream<String> oddBodies() {
		return Stream.of(":", "Service Type:", "Hostname:Hostname:Hostname:", "\u0000\uFFFF\uD800",
				"Expected daily volume: 1.2.3.4-5-6k k", "Expected monthly volume: " + "9".repeat(10_000),
				"- ".repeat(50_000) + "Hostname: x", "-".repeat(100_000), "SPF configured: " + ".".repeat(100_000),
				"Expected daily volume: " + "1,000".repeat(20_000), "Sending domain(s): " + " ,;".repeat(30_000));
	}

	private static String relabel(String line, UnaryOperator<String> label) {
		int colon = line.indexOf(": ");
		return label.apply(line.substring(0, colon)) + line.substring(colon);
	}

	private static String contractExampleBody() throws IOException {
		try (InputStream example = RequestTextParserTest.class
			.getResourceAsStream("/contract/examples/submitted-cvirtual-template-text.json")) {
			return new ObjectMapper().readTree(example).at("/data/body").asText();
		}
	}

}
