package net.port25.workflow.events;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.types.Time;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import net.port25.workflow.access.InputLimits;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Reads a Kafka record as a CloudEvents 1.0 event and its data as a validated record.
 * Structured mode is read whether or not the {@code content-type} header is present;
 * binary mode is recognised by its {@code ce_specversion} header. The envelope is checked
 * against the CloudEvents schema in both modes (version 1.0 only, no attribute given as
 * null, identifiers within the limits), and the data against its type's JSON Schema
 * before it is mapped, so that an event is accepted or refused exactly as the contract
 * says, whatever Jackson would make of it (a volume given as "300", say). Every refusal
 * is an {@link InvalidEventException} whose reason names the problem, never the whole
 * input.
 */
@Component
class CloudEventReader {

	private static final String BINARY_MODE_HEADER = "ce_specversion";

	private static final String BINARY_MODE_TYPE_HEADER = "ce_type";

	/** The parser's own words are enough; its excerpt of the input is left out. */
	private static final int MAX_PARSER_MESSAGE = 200;

	private final ObjectMapper objectMapper;

	private final ObjectMapper envelopeMapper = JsonMapper.builder()
		.addModule(JsonFormat.getCloudEventJacksonModule())
		.build();

	private final Validator validator;

	private final EventSchemas schemas;

	CloudEventReader(ObjectMapper objectMapper, Validator validator, EventSchemas schemas) {
		// events may carry fields this engine does not know yet (the contract is
		// extended, never narrowed), while the REST API refuses unknown fields: the edge
		// reads leniently whatever the application's setting is
		this.objectMapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.validator = validator;
		this.schemas = schemas;
	}

	CloudEvent read(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new InvalidEventException("empty record value");
		}
		CloudEvent event = isBinary(record) ? binary(record) : structured(record);
		EventLogContext.read(event);
		return event;
	}

	/**
	 * A first look at a record, unchecked: its event's data as {@code dataType} if the
	 * event is of {@code type}, else nothing, and nothing for whatever cannot be read so.
	 * For picking, among many records, the few worth reading ({@link #read},
	 * {@link #data}): it skips the schemas, the CloudEvent and the validation, most of a
	 * read's cost. Whatever it makes of a record, that record is still read in full
	 * before it has any effect.
	 */
	<T> Optional<T> peek(ConsumerRecord<String, byte[]> record, String type, Class<T> dataType) {
		if (record.value() == null) {
			return Optional.empty();
		}
		try {
			boolean binary = isBinary(record);
			JsonNode value = objectMapper.readTree(record.value());
			String eventType = binary ? HeaderText.last(record.headers(), BINARY_MODE_TYPE_HEADER)
					: value.path("type").asText(null);
			JsonNode data = binary ? value : value.get("data");
			if (!type.equals(eventType) || data == null || !data.isObject()) {
				return Optional.empty();
			}
			return Optional.ofNullable(objectMapper.treeToValue(data, dataType));
		}
		catch (IOException | RuntimeException ex) {
			// not this method's to refuse: the full read refuses it, with the reason
			return Optional.empty();
		}
	}

	private static boolean isBinary(ConsumerRecord<String, byte[]> record) {
		return record.headers().lastHeader(BINARY_MODE_HEADER) != null;
	}

	private CloudEvent structured(ConsumerRecord<String, byte[]> record) {
		JsonNode envelope = json(record.value(), "not JSON");
		schemas.validateEnvelope(envelope);
		try {
			return envelopeMapper.treeToValue(envelope, CloudEvent.class);
		}
		catch (JsonProcessingException | RuntimeException ex) {
			throw new InvalidEventException("not a CloudEvents 1.0 JSON event: " + parserMessage(ex), ex);
		}
	}

	/** The event's data as a tree, for the schema and for whoever must answer it. */
	JsonNode tree(CloudEvent event) {
		JsonNode tree = null;
		if (event.getData() instanceof JsonCloudEventData json) {
			tree = json.getNode();
		}
		else if (event.getData() != null) {
			tree = json(event.getData().toBytes(), "unreadable data in event " + event.getId());
		}
		if (tree == null || tree.isMissingNode() || tree.isNull()) {
			throw new InvalidEventException("event " + event.getId() + " of type " + event.getType() + " has no data");
		}
		return tree;
	}

	<T> T data(CloudEvent event, Class<T> type) {
		return data(event, tree(event), type);
	}

	<T> T data(CloudEvent event, JsonNode tree, Class<T> type) {
		EventLogContext.data(tree);
		schemas.validate(event.getType(), tree);
		T data = map(event, tree, type);
		Set<ConstraintViolation<T>> violations = validator.validate(data);
		if (!violations.isEmpty()) {
			throw new InvalidEventException("invalid data in event " + event.getId(), describe(violations), null);
		}
		return data;
	}

	private CloudEvent binary(ConsumerRecord<String, byte[]> record) {
		CloudEvent event;
		try {
			event = KafkaMessageFactory.createReader(record).toEvent();
		}
		catch (RuntimeException ex) {
			throw new InvalidEventException("not a CloudEvents 1.0 binary-mode event: " + parserMessage(ex), ex);
		}
		schemas.validateEnvelope(attributes(event));
		return event;
	}

	/**
	 * The attributes of a binary-mode event as the structured envelope would carry them:
	 * a time as CloudEvents writes it (RFC 3339, seconds always given), not as Java's
	 * {@code toString} does, which leaves out seconds that are zero.
	 */
	private ObjectNode attributes(CloudEvent event) {
		ObjectNode attributes = objectMapper.createObjectNode();
		attributes.put("specversion", event.getSpecVersion().toString());
		for (String name : event.getAttributeNames()) {
			Object value = event.getAttribute(name);
			if (value != null && !name.equals("specversion")) {
				attributes.put(name, (value instanceof OffsetDateTime time) ? Time.writeTime(time) : value.toString());
			}
		}
		return attributes;
	}

	private JsonNode json(byte[] bytes, String problem) {
		try {
			return objectMapper.readTree(bytes);
		}
		catch (IOException ex) {
			throw new InvalidEventException(problem + ": " + parserMessage(ex), ex);
		}
	}

	private <T> T map(CloudEvent event, JsonNode tree, Class<T> type) {
		try {
			return objectMapper.treeToValue(tree, type);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw new InvalidEventException("unreadable data in event " + event.getId() + " of type " + event.getType(),
					parserMessage(ex), ex);
		}
	}

	private static String parserMessage(Exception ex) {
		String message = (ex instanceof JsonProcessingException json) ? json.getOriginalMessage() : ex.getMessage();
		return InputLimits.shorten(String.valueOf(message), MAX_PARSER_MESSAGE);
	}

	private static String describe(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream()
			.map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining(", "));
	}

}
