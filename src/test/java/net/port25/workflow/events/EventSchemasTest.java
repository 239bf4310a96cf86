package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import jakarta.validation.Validation;
import net.port25.workflow.access.AccessChanged;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerTexts;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ServiceType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

/**
 * {@link EventSchemas}: the contract's examples against the schemas, and the engine's own
 * output too.
 */
class EventSchemasTest {

	private static final Path EXAMPLES = Path.of("src/test/resources/contract/examples");

	private static final EventSchemas schemas = new EventSchemas();

	private final ObjectMapper objectMapper = JsonMapper.builder()
		.findAndAddModules()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static Stream<Path> validExamples() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			List<Path> examples = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
			assertThat(examples).as("contract examples in %s", EXAMPLES.toAbsolutePath()).isNotEmpty();
			return examples.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("validExamples")
	void everyContractExampleMatchesTheSchemaOfItsType(Path example) throws IOException {
		JsonNode event = objectMapper.readTree(example.toFile());

		assertThatCode(() -> schemas.validate(event.get("type").asText(), event.get("data")))
			.doesNotThrowAnyException();
	}

	@ParameterizedTest
	@CsvSource({ "invalid-ip.json, $.ipAddresses[0]", "missing-request-ref.json, requestRef",
			"unknown-service-type.json, cCloud", "unknown-service-type.json, $.serviceType",
			"unknown-type.json, unknown event type 'port25.request.teleported'" })
	void everyBadContractExampleIsRefusedWithItsProblemNamed(String example, String problem) throws IOException {
		JsonNode event = objectMapper.readTree(EXAMPLES.resolve("bad").resolve(example).toFile());

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> schemas.validate(event.get("type").asText(), event.get("data")))
			.withMessageContaining(problem);
	}

	@Test
	void invalidIpAddressIsRefusedAsNeitherIpv4NorIpv6() throws IOException {
		JsonNode event = objectMapper.readTree(EXAMPLES.resolve("bad/invalid-ip.json").toFile());

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> schemas.validate(event.get("type").asText(), event.get("data")))
			.withMessageContaining("port25.request.submitted")
			.withMessageContaining("ipv4")
			.withMessageContaining("ipv6");
	}

	@Test
	void recordThatIsNotJsonIsRefusedAsNotACloudEvent() throws IOException {
		byte[] value = Files.readAllBytes(EXAMPLES.resolve("bad/not-json.txt"));
		CloudEventReader reader = new CloudEventReader(objectMapper,
				Validation.buildDefaultValidatorFactory().getValidator(), schemas);

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> reader.read(new ConsumerRecord<>("port25.requests", 0, 0, "T-1", value)))
			.withMessageContaining("not JSON");
	}

	@Test
	void submittedWithoutAnyBusinessFactIsAccepted() {
		assertValid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "ticket", "customerId": "C-1", "serviceType": "cMetal",
				  "serviceId": "DEV-1" }
				""");
	}

	@Test
	void submittedWithOnlyTheFreeTextBodyNeedsNoServiceTypeOrId() {
		assertValid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "dashboard", "customerId": "C-1",
				  "body": "Service Type: cVirtual Service ID / Device ID: VS-1" }
				""");
	}

	@Test
	void submittedWithoutBodyNeedsServiceTypeAndId() {
		assertInvalid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "ticket", "customerId": "C-1" }
				""", "serviceType", "serviceId");
	}

	@Test
	void emptyOrNullBusinessFactsAreMissingNotWrong() {
		assertValid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "ticket", "customerId": "C-1", "serviceType": "cVirtual",
				  "serviceId": "VS-1", "hostname": "", "notes": null, "expectedDailyVolume": null, "ipAddresses": [],
				  "recipientType": null, "spfConfigured": null }
				""");
	}

	@Test
	void volumeGivenAsStringIsRefused() {
		assertInvalid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "ticket", "customerId": "C-1", "serviceType": "cVirtual",
				  "serviceId": "VS-1", "expectedDailyVolume": "300" }
				""", "$.expectedDailyVolume", "integer");
	}

	@Test
	void negativeVolumeIsRefused() {
		assertInvalid("port25.request.info-provided", """
				{ "requestRef": "T-1", "fields": { "expectedMonthlyVolume": -1 } }
				""", "$.fields.expectedMonthlyVolume");
	}

	@Test
	void dnsFlagGivenAsYesIsRefused() {
		assertInvalid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "ticket", "customerId": "C-1", "serviceType": "cVirtual",
				  "serviceId": "VS-1", "spfConfigured": "Yes" }
				""", "$.spfConfigured", "boolean");
	}

	@Test
	void ipv6AddressesAreAccepted() {
		assertValid("port25.request.info-provided", """
				{ "requestRef": "T-1", "fields": { "ipAddresses": ["2001:db8::25", "192.0.2.1"] } }
				""");
	}

	@Test
	void unknownRecipientTypeIsRefused() {
		assertInvalid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "ticket", "customerId": "C-1", "serviceType": "cVirtual",
				  "serviceId": "VS-1", "recipientType": "everyone" }
				""", "$.recipientType");
	}

	@Test
	void unknownChannelIsRefused() {
		assertInvalid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "email", "customerId": "C-1", "serviceType": "cVirtual",
				  "serviceId": "VS-1" }
				""", "$.channel");
	}

	@Test
	void fieldsTheContractDoesNotKnowYetAreAccepted() {
		assertValid("port25.request.submitted", """
				{ "requestRef": "T-1", "channel": "ticket", "customerId": "C-1", "serviceType": "cVirtual",
				  "serviceId": "VS-1", "priority": "gold", "ticketQueue": { "id": 7 } }
				""");
		assertValid("port25.toggle.requested", """
				{ "serviceId": "DEV-1", "customerId": "C-1", "enabled": false, "requestedBy": "jane" }
				""");
	}

	@Test
	void toggleNeedsABooleanEnabled() {
		assertInvalid("port25.toggle.requested", """
				{ "serviceId": "DEV-1", "customerId": "C-1", "enabled": "true" }
				""", "$.enabled", "boolean");
	}

	@Test
	void withdrawalNeedsOnlyTheRequestRef() {
		assertValid("port25.request.withdrawn", """
				{ "requestRef": "T-1" }
				""");
	}

	@Test
	void abuseNamingNeitherServiceNorIpAddressIsRefused() {
		assertInvalid("port25.abuse.detected", """
				{ "category": "spam", "severity": "high", "evidence": "x", "detectedAt": "2026-11-30T02:09:41Z" }
				""", "serviceId", "ipAddress");
	}

	@Test
	void abuseWithUnknownSeverityOrInvalidTimeIsRefused() {
		assertInvalid("port25.abuse.detected", """
				{ "serviceId": "VS-1", "category": "spam", "severity": "urgent", "evidence": "x",
				  "detectedAt": "yesterday" }
				""", "$.severity", "$.detectedAt");
	}

	@Test
	void abuseWithInvalidIpAddressIsRefused() {
		assertInvalid("port25.abuse.detected", """
				{ "ipAddress": "192.0.2.300", "category": "spam", "severity": "low", "evidence": "x",
				  "detectedAt": "2026-11-30T02:09:41Z" }
				""", "$.ipAddress");
	}

	@Test
	void violationsAreListedSortedInOneMessage() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> schemas.validate("port25.request.submitted", json("""
					{ "channel": "fax", "customerId": "C-1", "serviceType": "cCloud", "serviceId": "X-1" }
					""")))
			.withMessageStartingWith("data of port25.request.submitted does not match its schema: $")
			.satisfies(ex -> assertThat(ex.getMessage().substring(ex.getMessage().indexOf(": ") + 2).split("; "))
				.hasSize(3)
				.isSorted()
				.anySatisfy(violation -> assertThat(violation).contains("requestRef"))
				.anySatisfy(violation -> assertThat(violation).contains("$.channel").contains("\"fax\"")));
	}

	@Test
	void violationsOfATypeOrAnEnumerationNameWhatMayBeGivenWithoutTheWordNull() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> schemas.validate("port25.request.submitted", json("""
					{ "requestRef": "T-1", "channel": "ticket", "customerId": "C-1", "serviceType": "CMETAL",
					  "serviceId": null, "expectedDailyVolume": "300" }
					""")))
			.satisfies((ex) -> {
				assertThat(ex.problems())
					.contains("$.serviceType: not one of \"cVirtual\", \"cMetal\", \"iColocation\"")
					.contains("(given: \"CMETAL\")")
					.contains("$.expectedDailyVolume: string found, integer expected (given: \"300\")")
					.contains("$.serviceId: no value found, string expected (given: no value)");
				CustomerTexts.assertReadable("problems", ex.problems());
			});
	}

	@Test
	void envelopeSchemaIsPresentButNoEventType() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> schemas.validate("cloudevent", objectMapper.createObjectNode()))
			.withMessageContaining("unknown event type 'cloudevent'");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> schemas.validate("reply", objectMapper.createObjectNode()))
			.withMessageContaining("unknown event type 'reply'");
		assertThat(getClass().getResource("/schemas/cloudevent.json")).isNotNull();
	}

	// The engine's own output, through the real mapping, must match the contract it
	// publishes.

	@ParameterizedTest
	@EnumSource(CustomerNotice.Type.class)
	void everyReplyOfTheEngineMatchesItsSchema(CustomerNotice.Type type) {
		outbound().notify(new CustomerNotice(type, "T-1", Channel.TICKET, "C-1", ServiceType.C_METAL, "DEV-1",
				"Something happened.", "because", null, List.of("useCase", "recipientSource"), "Why port 25?"));

		assertEngineEventValid("port25.replies");
	}

	@Test
	void infoRequestForARequestThatNamedNoServiceMatchesItsSchema() {
		outbound().notify(new CustomerNotice(CustomerNotice.Type.INFO_REQUESTED, "T-1", Channel.DASHBOARD, "C-1", null,
				null, "We need more information.", null, null, List.of("serviceType", "serviceId"), "Which service?"));

		assertEngineEventValid("port25.replies");
	}

	@ParameterizedTest
	@EnumSource(PortCommand.Action.class)
	void everyPortCommandOfTheEngineMatchesItsSchema(PortCommand.Action action) {
		outbound().send(new PortCommand(action, "cmd-1", ServiceType.C_METAL, "DEV-1",
				List.of("192.0.2.77", "2001:db8::25"), "customer switch", "D-1"));

		assertEngineEventValid("port25.network.commands");
	}

	@Test
	void accessChangeOfTheEngineMatchesItsSchema() {
		outbound().publish(new AccessChanged(ServiceType.I_COLOCATION, "COLO-1", "C-1", "T-1", AccessStatus.REVOKED,
				AccessStatus.ENABLED, "reviewer", "abuse confirmed", Instant.parse("2026-11-27T10:15:00Z")));

		assertEngineEventValid("port25.access.changes");
	}

	@Test
	void firstAccessChangeOfARequestThatNamedNoServiceMatchesItsSchema() {
		outbound().publish(new AccessChanged(null, null, "C-1", "T-1", AccessStatus.SUBMITTED, null, "customer:C-1",
				null, Instant.now()));

		assertEngineEventValid("port25.access.changes");
	}

	private final Outbox outbox = mock(Outbox.class);

	private OutboundEvents outbound() {
		TopicsProperties topics = new TopicsProperties("port25.requests", "port25.dashboard.toggles",
				"port25.abuse.events", "port25.inventory", "port25.replies", "port25.network.commands",
				"port25.access.changes", 6, (short) 1);
		return new OutboundEvents(topics, objectMapper, outbox);
	}

	private void assertEngineEventValid(String topic) {
		ArgumentCaptor<CloudEvent> event = ArgumentCaptor.forClass(CloudEvent.class);
		// the key is not checked: a request that named no service has none yet
		verify(outbox).append(eq(topic), any(), event.capture());
		String type = event.getValue().getType();
		assertThatCode(() -> schemas.validate(type, objectMapper.readTree(event.getValue().getData().toBytes())))
			.doesNotThrowAnyException();
	}

	private void assertValid(String type, String data) {
		assertThatCode(() -> schemas.validate(type, json(data))).doesNotThrowAnyException();
	}

	private void assertInvalid(String type, String data, String... problems) {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> schemas.validate(type, json(data)))
			.satisfies(ex -> assertThat(ex.getMessage()).contains(type).contains(problems));
	}

	private JsonNode json(String text) {
		try {
			return objectMapper.readTree(text);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
