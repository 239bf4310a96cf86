package net.port25.workflow.api;

/**
 * The caller is known but may not do this; the message says why without naming anyone
 * else.
 */
class Forbidden extends RuntimeException {

	Forbidden(String message) {
		super(message);
	}

}
