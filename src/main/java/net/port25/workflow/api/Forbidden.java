package net.port25.workflow.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The caller is known but may not do this; the message says why without naming anyone
 * else.
 */
class Forbidden extends ErrorResponseException {

	Forbidden(String message) {
		super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message), null);
	}

}
