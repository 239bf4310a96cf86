package net.port25.workflow.events;

/**
 * The broker did not take a pass's events; the pass is rolled back and its events stay
 * pending.
 */
class OutboxSendException extends RuntimeException {

	OutboxSendException(String message, Throwable cause) {
		super(message, cause);
	}

}
