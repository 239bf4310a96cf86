package net.port25.workflow.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import net.port25.workflow.EventTypes;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.SingleLine;
import net.port25.workflow.intake.InformationProvided;
import net.port25.workflow.intake.RequestIntake;
import net.port25.workflow.intake.RequestSubmitted;
import net.port25.workflow.intake.RequestWithdrawn;
import net.port25.workflow.intake.UnreadableRequests;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands the events of the requests topic, validated, to intake; an event whose data
 * cannot be read is answered to the customer where the request can be told apart. The
 * events of one poll, at most {@code port25.inbound.requests-per-transaction}, are
 * applied in one transaction ({@link InboundEvents#acceptAllTogether}): under a backlog
 * many process starts share one commit, and those of different requests one flush of the
 * engine's writes; each event still has its effect once, in partition order.
 */
@Component
class RequestsListener {

	private final InboundEvents inbound;

	private final ObjectMapper json;

	private final Validator validator;

	private final Map<String, EventHandler<?>> handlers;

	RequestsListener(InboundEvents inbound, RequestIntake intake, UnreadableRequests unreadable, ObjectMapper json,
			Validator validator) {
		this.inbound = inbound;
		this.json = json;
		this.validator = validator;
		this.handlers = EventHandler.byType(
				EventHandler.of(EventTypes.REQUEST_SUBMITTED, RequestSubmitted.class, intake::submit)
					.about(RequestSubmitted::requestRef)
					.answeringRefusals((data, problems, eventId) -> sender(data)
						.ifPresent((sender) -> unreadable.submissionRefused(sender.requestRef(), sender.channel(),
								sender.customerId(), problems, eventId))),
				EventHandler.of(EventTypes.INFORMATION_PROVIDED, InformationProvided.class, intake::provideInformation)
					.about(InformationProvided::requestRef)
					.answeringRefusals((data, problems, eventId) -> requestRef(data)
						.ifPresent((requestRef) -> unreadable.answerRefused(requestRef, problems, eventId))),
				EventHandler.of(EventTypes.REQUEST_WITHDRAWN, RequestWithdrawn.class, intake::withdraw)
					.about(RequestWithdrawn::requestRef)
					.answeringRefusals((data, problems, eventId) -> requestRef(data)
						.ifPresent((requestRef) -> unreadable.withdrawalRefused(requestRef, problems, eventId))));
	}

	@KafkaListener(id = "requests", groupId = "${spring.kafka.consumer.group-id}.requests",
			clientIdPrefix = "${spring.kafka.consumer.group-id}.requests", batch = "true",
			topics = "${port25.topics.requests}", concurrency = "${port25.inbound.requests-concurrency}",
			properties = "max.poll.records=${port25.inbound.requests-per-transaction}")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		inbound.acceptAllTogether(records, handlers);
	}

	/** Who sent a submission, if the refused data still says so within the limits. */
	private Optional<Sender> sender(JsonNode data) {
		return readable(data, Sender.class);
	}

	private Optional<String> requestRef(JsonNode data) {
		return readable(data, Answered.class).map(Answered::requestRef);
	}

	private <T> Optional<T> readable(JsonNode data, Class<T> type) {
		try {
			T value = json.treeToValue(data, type);
			return validator.validate(value).isEmpty() ? Optional.of(value) : Optional.empty();
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** The submission's own account of its sender. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Sender(@NotBlank @SingleLine String requestRef, @NotNull Channel channel,
			@NotBlank @SingleLine String customerId) {
	}

	/** The request an answer or a withdrawal names. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Answered(@NotBlank @SingleLine String requestRef) {
	}

}
