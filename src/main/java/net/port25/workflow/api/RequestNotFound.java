package net.port25.workflow.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Nothing the caller may see under this name: unknown, or another customer's (which must
 * not be told apart, so that customers cannot probe for others' requests and services).
 */
class RequestNotFound extends ErrorResponseException {

	RequestNotFound(String message) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message), null);
	}

}
