package net.port25.workflow.events;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * Reads a Kafka record as a CloudEvents 1.0 event and its data as a validated record. Structured mode is read
 * whether or not the {@code content-type} header is present; binary mode is recognised by its {@code ce_specversion}
 * header.
 */
@Component
class CloudEventReader {

	private static final String BINARY_MODE_HEADER = "ce_specversion";

	private final EventFormat structuredFormat = EventFormatProvider.getInstance()
		.resolveFormat(JsonFormat.CONTENT_TYPE);

	private final ObjectMapper objectMapper;

	private final Validator validator;

	CloudEventReader(ObjectMapper objectMapper, Validator validator) {
		this.objectMapper = objectMapper;
		this.validator = validator;
	}

	CloudEvent read(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new InvalidEventException("empty record value");
		}
		try {
			if (record.headers().lastHeader(BINARY_MODE_HEADER) != null) {
				return KafkaMessageFactory.createReader(record).toEvent();
			}
			return structuredFormat.deserialize(record.value());
		}
		catch (RuntimeException ex) {
			throw new InvalidEventException("not a CloudEvents 1.0 JSON event: " + ex.getMessage(), ex);
		}
	}

	<T> T data(CloudEvent event, Class<T> type) {
		if (event.getData() == null) {
			throw new InvalidEventException("event " + event.getId() + " of type " + event.getType() + " has no data");
		}
		T data = map(event, type);
		Set<ConstraintViolation<T>> violations = validator.validate(data);
		if (!violations.isEmpty()) {
			throw new InvalidEventException("invalid data in event " + event.getId() + ": " + describe(violations));
		}
		return data;
	}

	private <T> T map(CloudEvent event, Class<T> type) {
		try {
			return objectMapper.readValue(event.getData().toBytes(), type);
		}
		catch (JsonProcessingException ex) {
			throw unreadable(event, ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
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
