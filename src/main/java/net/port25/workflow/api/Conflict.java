package net.port25.workflow.api;

/**
 * The request is understood and allowed, but the state of the request or service refuses
 * it; says why.
 */
class Conflict extends RuntimeException {

	Conflict(String reason) {
		super(reason);
	}

}
