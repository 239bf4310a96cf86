package net.port25.workflow.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The JSON Schemas of the contract's event data, one per event type
 * ({@code schemas/<type>.json} on the classpath), loaded once at start-up so that a
 * broken schema stops the application instead of every event.
 */
@Component
class EventSchemas {

	private static final String LOCATION = "classpath:schemas/";

	// Only the files named after an event type; the others (envelope, shared parts) are
	// reached by $ref.
	private static final String TYPE_PATTERN = LOCATION + "port25.*.json";

	private static final String SUFFIX = ".json";

	private static final String ENVELOPE = "cloudevent";

	private static final int MAX_VALUE_LENGTH = 80;

	private static final String TYPE = "type";

	private static final String ENUM = "enum";

	private final Map<String, JsonSchema> schemas;

	private final JsonSchema envelope;

	EventSchemas() {
		// 2020-12 treats "format" as an annotation only: an invalid IP address or time
		// must be an error here. Paths as $.ipAddresses[0], the way the contract's
		// readers know them.
		// The limits' own words ("message" in limits.json) instead of the validator's
		// ("does
		// not match the regex pattern ^[^\u0000...").
		SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
			.formatAssertionsEnabled(true)
			.errorMessageKeyword("message")
			.pathType(PathType.JSON_PATH)
			.locale(Locale.ENGLISH)
			.build();
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
		this.schemas = typeNames().stream()
			.collect(Collectors.toUnmodifiableMap(Function.identity(), type -> load(factory, config, type)));
		this.envelope = load(factory, config, ENVELOPE);
	}

	/**
	 * Checks a structured-mode event's envelope: CloudEvents 1.0, its attributes of the
	 * right types and within the limits.
	 */
	void validateEnvelope(JsonNode event) {
		Set<ValidationMessage> violations = envelope.validate(event);
		if (!violations.isEmpty()) {
			throw new InvalidEventException("not a CloudEvents 1.0 event the engine reads", describe(violations), null);
		}
	}

	/**
	 * Checks an event's data against its type's schema; the exception names every
	 * violation.
	 */
	void validate(String type, JsonNode data) {
		JsonSchema schema = schemas.get(type);
		if (schema == null) {
			throw new InvalidEventException("unknown event type '" + type + "': no schema for it");
		}
		Set<ValidationMessage> violations = schema.validate(data);
		if (!violations.isEmpty()) {
			throw new InvalidEventException("data of " + type + " does not match its schema", describe(violations),
					null);
		}
	}

	private static String describe(Set<ValidationMessage> violations) {
		return violations.stream().map(EventSchemas::describe).sorted().collect(Collectors.joining("; "));
	}

	// The validator's messages do not say what was given ("does not have a value in the
	// enumeration [...]"); a reader of the dead-letter topic needs the value to see the
	// mistake. Objects and arrays are left out: the path already points into them.
	private static String describe(ValidationMessage violation) {
		// the limits' own words come without the path the validator's words start with
		String location = violation.getInstanceLocation().toString();
		String message = violation.getMessage().startsWith(location) ? violation.getMessage()
				: location + ": " + violation.getMessage();
		JsonNode given = violation.getInstanceNode();
		message = withoutNull(violation, location, given).orElse(message);
		if (given == null || given.isContainerNode()) {
			return message;
		}
		String value = given.isNull() ? "no value" : given.toString();
		return message + " (given: "
				+ (value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value) + ")";
	}

	// The validator lists JSON's null among the types and values an optional fact may
	// take ("[integer, null] expected"), and the customer is told these words: they name
	// what may be given instead, and a null given is no value.
	private static Optional<String> withoutNull(ValidationMessage violation, String location, JsonNode given) {
		JsonNode keyword = violation.getSchemaNode();
		if (keyword != null && keyword.isObject()) {
			keyword = keyword.get(violation.getType());
		}
		if (keyword == null || !(TYPE.equals(violation.getType()) || ENUM.equals(violation.getType()))) {
			return Optional.empty();
		}
		List<String> allowed = (keyword.isArray() ? StreamSupport.stream(keyword.spliterator(), false)
				: Stream.of(keyword))
			.filter((value) -> !value.isNull() && !"null".equals(value.asText()))
			.map((value) -> TYPE.equals(violation.getType()) ? value.asText() : value.toString())
			.toList();
		if (TYPE.equals(violation.getType())) {
			return Optional
				.of(location + ": " + typeOf(given) + " found, " + String.join(" or ", allowed) + " expected");
		}
		return Optional.of(location + ": not one of " + String.join(", ", allowed));
	}

	private static String typeOf(JsonNode given) {
		if (given == null || given.isNull()) {
			return "no value";
		}
		if (given.isNumber()) {
			return given.isIntegralNumber() ? "integer" : "number";
		}
		return given.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static Set<String> typeNames() {
		Resource[] found;
		try {
			found = new PathMatchingResourcePatternResolver().getResources(TYPE_PATTERN);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the event schemas " + TYPE_PATTERN, ex);
		}
		// none found would turn every event away as of an unknown type
		if (found.length == 0) {
			throw new IllegalStateException("No event schemas found at " + TYPE_PATTERN);
		}
		return Arrays.stream(found)
			.map(Resource::getFilename)
			.map(name -> name.substring(0, name.length() - SUFFIX.length()))
			.collect(Collectors.toSet());
	}

	// Loaded by location, so that relative $refs ("reply.json") resolve beside the
	// schema.
	private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String type) {
		JsonSchema schema = factory.getSchema(SchemaLocation.of(LOCATION + type + SUFFIX), config);
		schema.initializeValidators();
		return schema;
	}

}
