package net.port25.workflow.api;

/**
 * Nothing the caller may see under this name: unknown, or another customer's (which must
 * not be told apart, so that customers cannot probe for others' requests and services).
 */
class RequestNotFound extends RuntimeException {

	RequestNotFound(String message) {
		super(message);
	}

}
