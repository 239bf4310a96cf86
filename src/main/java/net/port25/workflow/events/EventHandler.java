package net.port25.workflow.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one inbound event type is applied: the record its data is read as, the capability
 * call that takes it (with the event's id), and who is told when its data cannot be read.
 *
 * @param <T> the data's record type
 * @param type the CloudEvents type
 * @param dataType what the data is read as
 * @param apply the capability call
 * @param refusal answers an event whose data is refused, where it can tell whom to answer
 * @param subject what the event is about (its request), for applying the events of a poll
 * together ({@link FlushGroup}); null if it cannot be told
 */
record EventHandler<T>(String type, Class<T> dataType, BiConsumer<T, String> apply, Refusal refusal,
		Function<T, String> subject) {

	static <T> EventHandler<T> of(String type, Class<T> dataType, BiConsumer<T, String> apply) {
		return new EventHandler<>(type, dataType, apply, Refusal.UNANSWERED, null);
	}

	EventHandler<T> answeringRefusals(Refusal refusal) {
		return new EventHandler<>(type, dataType, apply, refusal, subject);
	}

	/** The handler, naming what each event is about. */
	EventHandler<T> about(Function<T, String> subject) {
		return new EventHandler<>(type, dataType, apply, refusal, subject);
	}

	/** The handlers of a topic by their event type. */
	static Map<String, EventHandler<?>> byType(EventHandler<?>... handlers) {
		return Arrays.stream(handlers).collect(Collectors.toUnmodifiableMap(EventHandler::type, Function.identity()));
	}

	/** Tells the sender that an event's data was refused, and why. */
	@FunctionalInterface
	interface Refusal {

		/** Nobody to answer: the event's sender is a system, or cannot be told apart. */
		Refusal UNANSWERED = (data, problems, eventId) -> {
		};

		/**
		 * @param data the event's data as sent (it did not pass the checks: any field may
		 * be missing or wrong)
		 * @param problems what is wrong with it
		 * @param eventId the event's id
		 */
		void answer(JsonNode data, String problems, String eventId);

	}

}
