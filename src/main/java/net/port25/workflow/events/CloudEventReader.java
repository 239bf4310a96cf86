package net.port25.workflow.events;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Reads a Kafka record as a CloudEvents 1.0 event and its data as a validated record.
 * Structured mode is read whether or not the {@code content-type} header is present;
 * binary mode is recognised by its {@code ce_specversion} header. The data is checked
 * against its type's JSON Schema before it is mapped, so that an event is accepted or
 * refused exactly as the contract says, whatever Jackson would make of it (a volume given
 * as "300", say).
 */
@Component
class CloudEventReader {

	private static final String BINARY_MODE_HEADER = "ce_specversion";

	private final EventFormat structuredFormat = EventFormatProvider.getInstance()
		.resolveFormat(JsonFormat.CONTENT_TYPE);

	private final ObjectMapper objectMapper;

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
		CloudEvent event;
		try {
			if (record.headers().lastHeader(BINARY_MODE_HEADER) != null) {
				event = KafkaMessageFactory.createReader(record).toEvent();
			}
			else {
				event = structuredFormat.deserialize(record.value());
			}
		}
		catch (RuntimeException ex) {
			throw new InvalidEventException("not a CloudEvents 1.0 JSON event: " + ex.getMessage(), ex);
		}
		EventLogContext.read(event);
		return event;
	}

	<T> T data(CloudEvent event, Class<T> type) {
		JsonNode tree = tree(event);
		EventLogContext.data(tree);
		schemas.validate(event.getType(), tree);
		T data = map(event, tree, type);
		Set<ConstraintViolation<T>> violations = validator.validate(data);
		if (!violations.isEmpty()) {
			throw new InvalidEventException("invalid data in event " + event.getId() + ": " + describe(violations));
		}
		return data;
	}

	private JsonNode tree(CloudEvent event) {
		JsonNode tree = null;
		if (event.getData() != null) {
			try {
				tree = objectMapper.readTree(event.getData().toBytes());
			}
			catch (JsonProcessingException ex) {
				throw unreadable(event, ex.getOriginalMessage(), ex);
			}
			catch (IOException ex) {
				throw unreadable(event, ex.getMessage(), ex);
			}
		}
		if (tree == null || tree.isMissingNode()) {
			throw new InvalidEventException("event " + event.getId() + " of type " + event.getType() + " has no data");
		}
		return tree;
	}

	private <T> T map(CloudEvent event, JsonNode tree, Class<T> type) {
		try {
			return objectMapper.treeToValue(tree, type);
		}
		catch (JsonProcessingException ex) {
			throw unreadable(event, ex.getOriginalMessage(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw unreadable(event, ex.getMessage(), ex);
		}
	}

	private static InvalidEventException unreadable(CloudEvent event, String reason, Exception cause) {
		return new InvalidEventException(
				"unreadable data in event " + event.getId() + " of type " + event.getType() + ": " + reason, cause);
	}

	private static String describe(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream()
			.map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining(", "));
	}

}
