package net.port25.workflow.events;

import io.cloudevents.CloudEvent;
import net.port25.workflow.access.InputLimits;

/**
 * A record that can never be applied, however often it is retried: it goes to the
 * dead-letter topic with {@link #getMessage()} as the reason.
 */
class InvalidEventException extends RuntimeException {

	private final String problems;

	InvalidEventException(String reason) {
		this(reason, (Throwable) null);
	}

	InvalidEventException(String reason, Throwable cause) {
		super(reason, cause);
		this.problems = reason;
	}

	/**
	 * @param context what was being read ("data of port25.request.submitted")
	 * @param problems what is wrong with it, in words its sender understands
	 */
	InvalidEventException(String context, String problems, Throwable cause) {
		super(context + ": " + problems, cause);
		this.problems = problems;
	}

	static InvalidEventException unknownType(CloudEvent event, String topic) {
		return new InvalidEventException("unknown event type '" + event.getType() + "' on topic " + topic);
	}

	/**
	 * What is wrong, without the context that only the engine's operators need, short
	 * enough to tell a customer.
	 */
	String problems() {
		return InputLimits.shorten(problems, InputLimits.MAX_TEXT_LENGTH);
	}

}
