package net.port25.workflow.events;

import io.cloudevents.CloudEvent;

/**
 * A record that can never be applied, however often it is retried: it goes to the
 * dead-letter topic with {@link #getMessage()} as the reason.
 */
class InvalidEventException extends RuntimeException {

	InvalidEventException(String reason) {
		super(reason);
	}

	static InvalidEventException unknownType(CloudEvent event, String topic) {
		return new InvalidEventException("unknown event type '" + event.getType() + "' on topic " + topic);
	}

	InvalidEventException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
