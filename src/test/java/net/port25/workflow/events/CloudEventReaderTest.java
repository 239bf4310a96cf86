package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import jakarta.validation.Validation;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.intake.RequestSubmitted;
import net.port25.workflow.request.ConfigurationState;
import net.port25.workflow.revocation.AbuseDetected;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link CloudEventReader}: every mode the contract allows, and data checked against the
 * contract's schema.
 */
class CloudEventReaderTest {

	private static final String DATA = """
			{"requestRef":"T-7","channel":"ticket","customerId":"C-7","serviceType":"cVirtual","serviceId":"VS-7",
			 "ipAddresses":["203.0.113.40"],"expectedDailyVolume":300,"spfConfigured":true}""";

	private static final String STRUCTURED = """
			{"specversion":"1.0","id":"e-1","source":"/ticketing","type":"port25.request.submitted",
			 "datacontenttype":"application/json","data":%s}""";

	private static final String ABUSE_DATA = """
			{"ipAddress":"192.0.2.77","category":"spam","severity":"%s","detectedAt":"2026-11-30T02:09:41Z"}""";

	private static final String ABUSE = """
			{"specversion":"1.0","id":"e-5","source":"/abuse-monitor","type":"port25.abuse.detected",
			 "data":%s}""".formatted(ABUSE_DATA);

	private final ObjectMapper objectMapper = JsonMapper.builder()
		.findAndAddModules()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final CloudEventReader reader = new CloudEventReader(objectMapper,
			Validation.buildDefaultValidatorFactory().getValidator(), new EventSchemas());

	@Test
	void structuredEventWithContentTypeHeaderIsRead() {
		ConsumerRecord<String, byte[]> record = record(STRUCTURED.formatted(DATA));
		header(record, "content-type", "application/cloudevents+json");

		assertSubmitted(record);
	}

	@Test
	void structuredEventWithoutContentTypeHeaderIsRead() {
		assertSubmitted(record(STRUCTURED.formatted(DATA)));
	}

	@Test
	void binaryModeEventIsRead() {
		ConsumerRecord<String, byte[]> record = binarySubmitted(DATA, "1.0", "e-1");
		header(record, "content-type", "application/json");

		assertSubmitted(record);
	}

	@Test
	void binaryModeEventSentOnTheMinuteIsRead() {
		ConsumerRecord<String, byte[]> record = binarySubmitted(DATA, "1.0", "e-1");
		// no seconds in Java's own rendering of this time ("2026-12-08T00:26Z"), which
		// RFC 3339 requires
		header(record, "ce_time", "2026-12-08T00:26:00Z");

		assertSubmitted(record);
	}

	@Test
	void dataThatBreaksTheSchemaIsInvalid() {
		CloudEvent event = reader.read(record(STRUCTURED.formatted(DATA.replace("300", "\"300\""))));

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> reader.data(event, RequestSubmitted.class))
			.withMessageContaining("port25.request.submitted")
			.withMessageContaining("$.expectedDailyVolume");
	}

	@Test
	void unknownServiceTypeIsInvalidBeforeJacksonSeesIt() {
		CloudEvent event = reader.read(record(STRUCTURED.formatted(DATA.replace("cVirtual", "cCloud"))));

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> reader.data(event, RequestSubmitted.class))
			.withMessageContaining("$.serviceType")
			.withMessageContaining("cCloud");
	}

	@Test
	void dataThatIsNotJsonIsInvalid() {
		ConsumerRecord<String, byte[]> record = binarySubmitted("{not json", "1.0", "e-2");
		CloudEvent event = reader.read(record);

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> reader.data(event, RequestSubmitted.class))
			.withMessageContaining("unreadable data in event e-2");
	}

	@Test
	void eventWithoutDataIsInvalid() {
		CloudEvent event = reader.read(record("""
				{"specversion":"1.0","id":"e-3","source":"/ticketing","type":"port25.request.withdrawn"}"""));

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> reader.data(event, RequestSubmitted.class))
			.withMessageContaining("has no data");
	}

	@Test
	void beanValidationStillApplies() {
		// the schema allows an empty string where bean validation wants a non-blank one
		CloudEvent event = reader.read(record(STRUCTURED.formatted(
				"""
						{"requestRef":"T-7","channel":"ticket","customerId":" ","serviceType":"cVirtual","serviceId":"VS-7"}""")));

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> reader.data(event, RequestSubmitted.class))
			.withMessageContaining("invalid data in event e-1")
			.withMessageContaining("customerId");
	}

	@Test
	void abuseEventIsMappedAfterItsSchemaAccepts() {
		CloudEvent event = reader.read(record("""
				{"specversion":"1.0","id":"e-4","source":"/abuse-monitor","type":"port25.abuse.detected",
				 "data":{"ipAddress":"192.0.2.77","category":"spam","severity":"critical","evidence":"1,850 messages",
				 "detectedAt":"2026-11-30T02:09:41Z"}}"""));

		AbuseDetected abuse = reader.data(event, AbuseDetected.class);

		assertThat(abuse.ipAddress()).isEqualTo("192.0.2.77");
		assertThat(abuse.severity()).isEqualTo(AbuseDetected.Severity.CRITICAL);
	}

	@Test
	void anEventOfAnotherCloudEventsVersionIsRefusedInBothModes() {
		ConsumerRecord<String, byte[]> structured = record(
				STRUCTURED.formatted(DATA).replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""));
		ConsumerRecord<String, byte[]> binary = binarySubmitted(DATA, "0.3", "e-1");

		for (ConsumerRecord<String, byte[]> record : List.of(structured, binary)) {
			assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> reader.read(record))
				.withMessageContaining("$.specversion");
		}
	}

	@Test
	void anAttributeGivenAsNullIsRefused() {
		ConsumerRecord<String, byte[]> record = record(
				STRUCTURED.formatted(DATA).replace("\"datacontenttype\"", "\"time\":null,\"datacontenttype\""));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> reader.read(record))
			.withMessageContaining("$.time");
	}

	@Test
	void anIdOrSourceOutsideTheLimitsIsRefusedWithoutEchoingIt() {
		String longId = "e".repeat(100_000);
		ConsumerRecord<String, byte[]> tooLong = record(
				STRUCTURED.formatted(DATA).replace("\"e-1\"", "\"" + longId + "\""));
		ConsumerRecord<String, byte[]> control = record(
				STRUCTURED.formatted(DATA).replace("\"/ticketing\"", "\"/ticketing\\u0000\""));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> reader.read(tooLong))
			.withMessageContaining("$.id")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(1000));
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> reader.read(control))
			.withMessageContaining("$.source");
	}

	@Test
	void aRecordThatIsNotJsonIsRefusedWithoutEchoingIt() {
		ConsumerRecord<String, byte[]> record = record("x".repeat(300_000));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> reader.read(record))
			.withMessageStartingWith("not JSON")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(400));
	}

	@Test
	void aFirstLookGivesTheDataOfAnEventOfTheTypeAskedForInBothModes() {
		ConsumerRecord<String, byte[]> structured = record(ABUSE.formatted("critical"));
		ConsumerRecord<String, byte[]> binary = record(ABUSE_DATA.formatted("critical"));
		header(binary, "ce_specversion", "1.0");
		header(binary, "ce_type", "port25.abuse.detected");

		for (ConsumerRecord<String, byte[]> record : List.of(structured, binary)) {
			assertThat(reader.peek(record, "port25.abuse.detected", AbuseDetected.class))
				.hasValueSatisfying((abuse) -> assertThat(abuse.severity()).isEqualTo(AbuseDetected.Severity.CRITICAL));
		}
	}

	@Test
	void aFirstLookChecksNothingTheFullReadRefuses() {
		// an address that is no IP literal, a source nobody sent: the full read refuses
		// it
		ConsumerRecord<String, byte[]> record = record(ABUSE.formatted("critical")
			.replace("192.0.2.77", "not-an-address")
			.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""));

		assertThat(reader.peek(record, "port25.abuse.detected", AbuseDetected.class))
			.hasValueSatisfying((abuse) -> assertThat(abuse.ipAddress()).isEqualTo("not-an-address"));
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> reader.read(record));
	}

	@Test
	void aFirstLookGivesNothingForAnotherTypeOrWhatCannotBeMapped() {
		ConsumerRecord<String, byte[]> otherType = record(STRUCTURED.formatted(DATA));
		ConsumerRecord<String, byte[]> unknownSeverity = record(ABUSE.formatted("apocalyptic"));
		ConsumerRecord<String, byte[]> notJson = record("x".repeat(1000));
		ConsumerRecord<String, byte[]> withoutData = record(
				ABUSE.formatted("critical").replaceAll(",\\s*\"data\":\\{.*\\}\\}", "}"));
		ConsumerRecord<String, byte[]> empty = new ConsumerRecord<>("port25.abuse.events", 0, 0, "k", null);

		for (ConsumerRecord<String, byte[]> record : List.of(otherType, unknownSeverity, notJson, withoutData, empty)) {
			assertThat(reader.peek(record, "port25.abuse.detected", AbuseDetected.class)).isEmpty();
		}
	}

	private void assertSubmitted(ConsumerRecord<String, byte[]> record) {
		CloudEvent event = reader.read(record);
		RequestSubmitted submitted = reader.data(event, RequestSubmitted.class);

		assertThat(event.getId()).isEqualTo("e-1");
		assertThat(event.getType()).isEqualTo("port25.request.submitted");
		assertThat(submitted.requestRef()).isEqualTo("T-7");
		assertThat(submitted.channel()).isEqualTo(Channel.TICKET);
		assertThat(submitted.customerId()).isEqualTo("C-7");
		assertThat(submitted.serviceType()).isEqualTo(ServiceType.C_VIRTUAL);
		assertThat(submitted.serviceId()).isEqualTo("VS-7");
		assertThat(submitted.ipAddresses()).containsExactly("203.0.113.40");
		assertThat(submitted.expectedDailyVolume()).isEqualTo(300L);
		assertThat(submitted.spfConfigured()).isEqualTo(ConfigurationState.CONFIGURED);
	}

	private static ConsumerRecord<String, byte[]> record(String value) {
		return new ConsumerRecord<>("port25.requests", 0, 0, "T-7", value.getBytes(StandardCharsets.UTF_8));
	}

	/** A binary-mode submission from the ticketing system: the value is the data. */
	private static ConsumerRecord<String, byte[]> binarySubmitted(String data, String specversion, String id) {
		ConsumerRecord<String, byte[]> record = record(data);
		header(record, "ce_specversion", specversion);
		header(record, "ce_id", id);
		header(record, "ce_type", "port25.request.submitted");
		header(record, "ce_source", "/ticketing");
		return record;
	}

	private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
