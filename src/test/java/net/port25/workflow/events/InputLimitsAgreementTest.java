package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import net.port25.workflow.EventTypes;
import net.port25.workflow.access.FreeText;
import net.port25.workflow.access.InputLimits;
import net.port25.workflow.access.SingleLine;
import net.port25.workflow.enablement.ToggleRequested;
import net.port25.workflow.intake.InformationProvided;
import net.port25.workflow.intake.RequestSubmitted;
import net.port25.workflow.intake.RequestWithdrawn;
import net.port25.workflow.request.RequestFacts;
import net.port25.workflow.revocation.AbuseDetected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One definition of the input limits ({@link InputLimits}), applied the same at both
 * entrances: the JSON Schemas that read events have the same numbers and patterns
 * ({@code schemas/limits.json}), every limited field of the records that Bean Validation
 * checks (REST and Kafka) refers to the schema's definition of its limit, and both refuse
 * and accept the same values for every such field.
 */
class InputLimitsAgreementTest {

	private static final ObjectMapper json = JsonMapper.builder()
		.findAndAddModules()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private static final EventSchemas schemas = new EventSchemas();

	/** The inbound data records and the schema each is read with. */
	private static final List<Inbound> INBOUND = List.of(
			new Inbound(RequestSubmitted.class, EventTypes.REQUEST_SUBMITTED, "port25.request.submitted.json"),
			new Inbound(InformationProvided.class, EventTypes.INFORMATION_PROVIDED,
					"port25.request.info-provided.json"),
			new Inbound(RequestWithdrawn.class, EventTypes.REQUEST_WITHDRAWN, "port25.request.withdrawn.json"),
			new Inbound(ToggleRequested.class, EventTypes.TOGGLE_REQUESTED, "port25.toggle.requested.json"),
			new Inbound(AbuseDetected.class, EventTypes.ABUSE_DETECTED, "port25.abuse.detected.json"));

	@Test
	void theSchemasLimitsAreTheCodes() throws IOException {
		JsonNode limits = schema("limits.json").path("$defs");

		assertDefinition(limits.path("identifier"), InputLimits.MAX_IDENTIFIER_LENGTH, InputLimits.SINGLE_LINE_PATTERN);
		assertDefinition(limits.path("hostName"), InputLimits.MAX_HOST_NAME_LENGTH, InputLimits.SINGLE_LINE_PATTERN);
		assertDefinition(limits.path("text"), InputLimits.MAX_TEXT_LENGTH, InputLimits.FREE_TEXT_PATTERN);
		assertDefinition(limits.path("body"), InputLimits.MAX_BODY_LENGTH, InputLimits.FREE_TEXT_PATTERN);
		assertThat(limits.path("ipAddresses").path("maxItems").asInt()).isEqualTo(InputLimits.MAX_IP_ADDRESSES);
		assertThat(limits.path("sendingDomains").path("maxItems").asInt()).isEqualTo(InputLimits.MAX_SENDING_DOMAINS);
	}

	static Stream<Field> limitedFields() {
		List<Field> fields = new ArrayList<>();
		for (Inbound inbound : INBOUND) {
			for (RecordComponent component : inbound.type().getRecordComponents()) {
				Limit limit = Limit.of(component.getAnnotatedType());
				if (limit != null) {
					fields.add(new Field(inbound, component.getName(), limit, false));
				}
				Limit elementLimit = elementLimit(component);
				if (elementLimit != null) {
					fields.add(new Field(inbound, component.getName(), elementLimit, true));
				}
			}
		}
		// the facts of an answer are RequestFacts
		for (RecordComponent component : RequestFacts.class.getRecordComponents()) {
			Limit limit = Limit.of(component.getAnnotatedType());
			if (limit != null) {
				fields.add(new Field(INBOUND.get(1), "fields." + component.getName(), limit, false));
			}
			Limit elementLimit = elementLimit(component);
			if (elementLimit != null) {
				fields.add(new Field(INBOUND.get(1), "fields." + component.getName(), elementLimit, true));
			}
		}
		return fields.stream();
	}

	@Test
	void everyTextOfARequestHasALimit() {
		// a record that lost its annotations would leave the tests below with nothing to
		// check
		assertThat(limitedFields().filter((field) -> field.inbound().type() == RequestSubmitted.class))
			.hasSizeGreaterThan(14);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("limitedFields")
	void everyLimitedFieldHasItsLimitInTheSchema(Field field) throws IOException {
		JsonNode property = field.inbound().property(field.path());
		assertThat(property.isMissingNode()).as("%s in %s", field.path(), field.inbound().schema()).isFalse();
		JsonNode limited = field.element() ? property.path("items") : property;

		assertThat(limitsOf(limited).path("maxLength").asInt()).as(field.toString()).isEqualTo(field.limit().max());
		assertThat(limitsOf(limited).path("pattern").asText()).as(field.toString()).isEqualTo(field.limit().pattern());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("limitedFields")
	void bothEntrancesRefuseAValueLongerThanTheLimit(Field field) {
		String tooLong = "x".repeat(field.limit().max() + 1);

		assertRefusedByBoth(field, tooLong, "size must be between");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("limitedFields")
	void bothEntrancesRefuseControlCharacters(Field field) {
		for (String control : List.of("a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b")) {
			assertRefusedByBoth(field, control, "control characters");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("limitedFields")
	void bothEntrancesTakeLineBreaksOnlyInFreeText(Field field) {
		String lines = "first line\nsecond\tline\r\n";
		if (field.limit().singleLine()) {
			assertRefusedByBoth(field, lines, "one line");
		}
		else {
			assertAcceptedByBoth(field, lines);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("limitedFields")
	void bothEntrancesTakeAValueOfTheLimitsLength(Field field) {
		assertAcceptedByBoth(field, "x".repeat(field.limit().max()));
	}

	@Test
	void bothEntrancesRefuseMoreIpAddressesOrSendingDomainsThanTheLimit() {
		List<String> ips = new ArrayList<>();
		List<String> domains = new ArrayList<>();
		for (int i = 0; i <= InputLimits.MAX_IP_ADDRESSES; i++) {
			ips.add("10.0." + (i / 250) + "." + (i % 250 + 1));
			domains.add("d" + i + ".example");
		}
		ObjectNode tooManyIps = submitted();
		tooManyIps.putPOJO("ipAddresses", ips);
		ObjectNode tooManyDomains = submitted();
		tooManyDomains.putPOJO("sendingDomains", domains.subList(0, InputLimits.MAX_SENDING_DOMAINS + 1));

		for (ObjectNode data : List.of(tooManyIps, tooManyDomains)) {
			JsonNode tree = json.valueToTree(data);
			assertThatExceptionOfType(InvalidEventException.class)
				.isThrownBy(() -> schemas.validate(EventTypes.REQUEST_SUBMITTED, tree))
				.withMessageContaining("must have at most");
			assertThat(violations(RequestSubmitted.class, tree))
				.anySatisfy((violation) -> assertThat(violation.getMessage()).contains("size must be between"));
		}
	}

	@Test
	void bothEntrancesRefuseANegativeVolume() {
		ObjectNode data = submitted().put("expectedDailyVolume", -1);

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> schemas.validate(EventTypes.REQUEST_SUBMITTED, data));
		assertThat(violations(RequestSubmitted.class, data)).isNotEmpty();
	}

	@Test
	void theBodysFactsKeepTheLimitsOfTheStructuredFields() {
		ObjectNode data = submitted().put("body",
				"Reason port 25 is needed: " + "x".repeat(InputLimits.MAX_TEXT_LENGTH + 1));

		assertThat(violations(RequestSubmitted.class, data))
			.anySatisfy((violation) -> assertThat(violation.getPropertyPath()).hasToString("bodyFacts.useCase"));
	}

	private static void assertRefusedByBoth(Field field, String value, String javaMessage) {
		JsonNode data = field.data(value);
		assertThatExceptionOfType(InvalidEventException.class).as("schema, %s", field)
			.isThrownBy(() -> schemas.validate(field.inbound().eventType(), data))
			.withMessageContaining("$." + field.path());
		assertThat(violations(field.inbound().type(), data)).as("Bean Validation, %s", field)
			.anySatisfy((violation) -> assertThat(violation.getMessage()).contains(javaMessage));
	}

	private static void assertAcceptedByBoth(Field field, String value) {
		JsonNode data = field.data(value);
		assertThatCode(() -> schemas.validate(field.inbound().eventType(), data)).as("schema, %s", field)
			.doesNotThrowAnyException();
		assertThat(violations(field.inbound().type(), data)).as("Bean Validation, %s", field).isEmpty();
	}

	private static Set<? extends ConstraintViolation<?>> violations(Class<?> type, JsonNode data) {
		try {
			return validator.validate(json.treeToValue(data, type));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Valid data of every inbound type, in one object: each reads the fields it knows.
	 */
	private static ObjectNode valid() {
		ObjectNode data = submitted();
		data.put("enabled", true);
		data.put("category", "spam");
		data.put("severity", "low");
		data.put("evidence", "seen");
		data.put("detectedAt", "2026-11-30T02:09:41Z");
		data.putObject("fields").put("useCase", "mail");
		return data;
	}

	private static ObjectNode submitted() {
		return json.createObjectNode()
			.put("requestRef", "T-1")
			.put("channel", "ticket")
			.put("customerId", "C-1")
			.put("serviceType", "cMetal")
			.put("serviceId", "DEV-1");
	}

	private static void assertDefinition(JsonNode definition, int maxLength, String pattern) {
		assertThat(definition.path("maxLength").asInt()).isEqualTo(maxLength);
		assertThat(definition.path("pattern").asText()).isEqualTo(pattern);
	}

	/** The limits a property refers to ({@code $ref} into limits.json). */
	private static JsonNode limitsOf(JsonNode property) throws IOException {
		String ref = property.path("$ref").asText();
		assertThat(ref).as("$ref of %s", property).startsWith("limits.json#/$defs/");
		return schema("limits.json").path("$defs").path(ref.substring("limits.json#/$defs/".length()));
	}

	private static JsonNode schema(String file) throws IOException {
		try (InputStream in = InputLimitsAgreementTest.class.getResourceAsStream("/schemas/" + file)) {
			return json.readTree(in);
		}
	}

	private static Limit elementLimit(RecordComponent component) {
		if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list) {
			AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
			return Limit.of(element);
		}
		return null;
	}

	record Inbound(Class<?> type, String eventType, String schema) {

		/** A property of this schema, or of request-facts.json where this one uses it. */
		JsonNode property(String path) throws IOException {
			String[] names = path.split("\\.");
			JsonNode found = InputLimitsAgreementTest.schema(schema).path("properties").path(names[0]);
			if (found.isMissingNode() && schema.equals("port25.request.submitted.json")) {
				found = InputLimitsAgreementTest.schema("request-facts.json").path("properties").path(names[0]);
			}
			if (names.length > 1) {
				found = InputLimitsAgreementTest.schema("request-facts.json").path("properties").path(names[1]);
			}
			return found;
		}

	}

	/** The limit a field's annotation gives. */
	record Limit(int max, String pattern, boolean singleLine) {

		static Limit of(AnnotatedType type) {
			SingleLine singleLine = type.getAnnotation(SingleLine.class);
			if (singleLine != null) {
				return new Limit(singleLine.max(), InputLimits.SINGLE_LINE_PATTERN, true);
			}
			FreeText freeText = type.getAnnotation(FreeText.class);
			if (freeText != null) {
				return new Limit(freeText.max(), InputLimits.FREE_TEXT_PATTERN, false);
			}
			return null;
		}

	}

	record Field(Inbound inbound, String path, Limit limit, boolean element) {

		/** Valid data with this field set to the value (as the list's only element). */
		JsonNode data(String value) {
			ObjectNode data = valid();
			ObjectNode parent = path.startsWith("fields.") ? (ObjectNode) data.get("fields") : data;
			String name = path.startsWith("fields.") ? path.substring("fields.".length()) : path;
			if (element) {
				parent.putArray(name).add(value);
			}
			else {
				parent.put(name, value);
			}
			return data;
		}

		@Override
		public String toString() {
			return inbound.type().getSimpleName() + "." + path + (element ? "[]" : "");
		}

	}

}
