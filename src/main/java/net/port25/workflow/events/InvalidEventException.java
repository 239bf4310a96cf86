package net.port25.workflow.events;

/**
 * A record that can never be applied, however often it is retried: it goes to the dead-letter topic with
 * {@link #getMessage()} as the reason.
 */
class InvalidEventException extends RuntimeException {

	InvalidEventException(String reason) {
		super(reason);
	}

	InvalidEventException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
