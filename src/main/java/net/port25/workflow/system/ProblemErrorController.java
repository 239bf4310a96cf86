package net.port25.workflow.system;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page behind every {@code sendError} (Spring's firewall, the webapps' and
 * Camunda's filters, Tomcat's own servlet errors) as an RFC 9457 problem detail instead
 * of Spring Boot's own error body. The words depend on the status only: what the refusing
 * component said is not for callers.
 */
@Controller
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.problem(status, ProblemResponses.genericDetail(status),
					(uri instanceof String path) ? path : null));
	}

	private static HttpStatus status(Object code) {
		HttpStatus status = (code instanceof Integer number) ? HttpStatus.resolve(number) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
