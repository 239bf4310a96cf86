package net.port25.workflow.events;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import net.port25.workflow.EventTypes;
import net.port25.workflow.access.AccessChangePublisher;
import net.port25.workflow.access.AccessChanged;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.access.ServiceType;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * The outbound ports as CloudEvents 1.0 in the contract's shape, written to the
 * {@link Outbox} in the caller's transaction: replies keyed by {@code requestRef},
 * network commands and access changes by {@code serviceId} (so that the changes of one
 * service stay in order).
 */
@Component
class OutboundEvents implements CustomerNotifier, NetworkCommands, AccessChangePublisher {

	static final URI SOURCE = URI.create("/port25-workflow");

	private final TopicsProperties topics;

	private final ObjectMapper objectMapper;

	private final Outbox outbox;

	OutboundEvents(TopicsProperties topics, ObjectMapper objectMapper, Outbox outbox) {
		this.topics = topics;
		this.objectMapper = objectMapper;
		this.outbox = outbox;
	}

	@Override
	public void notify(CustomerNotice notice) {
		Reply data = new Reply(notice.requestRef(), notice.channel(), notice.customerId(), notice.serviceType(),
				notice.serviceId(), notice.message(), notice.reason(), notice.reasonCode(), notice.missingFields(),
				notice.questions());
		// keyed by request; a refused toggle of a customer with no request for the device
		// has only the device
		String key = notice.requestRef() != null ? notice.requestRef() : notice.serviceId();
		outbox.append(topics.replies(), key, event(notice.type().eventType(), data));
	}

	@Override
	public void send(PortCommand command) {
		Command data = new Command(command.commandId(), command.serviceType(), command.serviceId(),
				command.ipAddresses(), command.reason(), command.requestRef());
		outbox.append(topics.networkCommands(), command.serviceId(), event(command.action().eventType(), data));
	}

	@Override
	public void publish(AccessChanged change) {
		Change data = new Change(change.serviceType(), change.serviceId(), change.customerId(), change.requestRef(),
				change.status(), change.previousStatus(), change.actor(), change.reason(), change.at());
		// keyed by service so that its changes stay in order; a request that has not
		// named its service yet has only its reference
		String key = change.serviceId() != null ? change.serviceId() : change.requestRef();
		outbox.append(topics.accessChanges(), key, event(EventTypes.ACCESS_CHANGED, data));
	}

	private CloudEvent event(String type, Object data) {
		return CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(SOURCE)
			.withType(type)
			.withTime(OffsetDateTime.now(ZoneOffset.UTC))
			.withDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
			.withData(json(data))
			.build();
	}

	private byte[] json(Object data) {
		try {
			return objectMapper.writeValueAsBytes(data);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write " + data.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	// The data objects of the contract. Absent optional fields are left out and times are
	// ISO-8601 strings, whatever the application's Jackson defaults are. ServiceType and
	// Channel write their contract names, AccessStatus its name.

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Reply(String requestRef, Channel channel, String customerId, ServiceType serviceType, String serviceId,
			String message, String reason, ReasonCode reasonCode, List<String> missingFields, String questions) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Command(String commandId, ServiceType serviceType, String serviceId, List<String> ipAddresses, String reason,
			String requestRef) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Change(ServiceType serviceType, String serviceId, String customerId, String requestRef, AccessStatus status,
			AccessStatus previousStatus, String actor, String reason,
			@JsonFormat(shape = JsonFormat.Shape.STRING) Instant at) {
	}

}
