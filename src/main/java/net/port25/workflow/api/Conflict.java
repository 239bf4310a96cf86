package net.port25.workflow.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request is understood and allowed, but the state of the request or service refuses
 * it; says why.
 */
class Conflict extends ErrorResponseException {

	Conflict(String reason) {
		super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, reason), null);
	}

}
