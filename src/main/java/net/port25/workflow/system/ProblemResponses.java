package net.port25.workflow.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 9457 problem details written by filters, which run before Spring MVC and so cannot
 * use its {@code ProblemDetail} handling: refused authentication (401), refused access
 * (403) and refused queries (400).
 */
final class ProblemResponses {

	private static final ObjectMapper json = JsonMapper.builder().build();

	/**
	 * Challenges for both ways into {@code /api/**}, so a client learns that Basic works
	 * as well as Bearer.
	 */
	static final String BASIC_CHALLENGE = "Basic realm=\"port25-workflow\"";

	// the same words whatever was refused: a refusal must not tell a caller what exists
	// behind it
	static final String ACCESS_DENIED = "Access is denied.";

	private ProblemResponses() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem(status, detail, request.getRequestURI()));
	}

	/** The problem detail's members; {@code instance} is left out when null. */
	static Map<String, Object> problem(HttpStatus status, String detail, String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		if (instance != null) {
			problem.put("instance", instance);
		}
		return problem;
	}

	/**
	 * What a refusal says when its cause is not for the caller's eyes: the same words for
	 * each status, whoever refused.
	 */
	static String genericDetail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request is malformed or not allowed.";
			case UNAUTHORIZED -> "Authentication is required.";
			case FORBIDDEN -> ACCESS_DENIED;
			case NOT_FOUND -> "Nothing is found here.";
			case METHOD_NOT_ALLOWED -> "The method is not allowed here.";
			case PAYLOAD_TOO_LARGE -> "The request is too large.";
			default ->
				status.is5xxServerError() ? "The request could not be answered." : status.getReasonPhrase() + ".";
		};
	}

	static String json(Map<String, Object> problem) throws IOException {
		return json.writeValueAsString(problem);
	}

	/**
	 * 401 with a {@code WWW-Authenticate} challenge: Bearer (with the error details of a
	 * refused token, as RFC 6750 asks) and Basic.
	 */
	static AuthenticationEntryPoint unauthorized() {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		bearer.setRealmName("port25-workflow");
		return (request, response, ex) -> {
			bearer.commence(request, response, ex);
			response.addHeader("WWW-Authenticate", BASIC_CHALLENGE);
			HttpStatus status = HttpStatus.resolve(response.getStatus());
			write(request, response, status != null && status.isError() ? status : HttpStatus.UNAUTHORIZED, detail(ex));
		};
	}

	/**
	 * 403 for a caller who is known but may not do this, or for a path nobody may use.
	 */
	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN, ACCESS_DENIED);
	}

	/**
	 * 403 without a challenge, for chains that authenticate nobody: asking for
	 * credentials would not help.
	 */
	static AuthenticationEntryPoint forbiddenWithoutChallenge() {
		return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN, ACCESS_DENIED);
	}

	private static String detail(AuthenticationException ex) {
		// the messages of Spring Security's exceptions are meant for callers ("Bad
		// credentials", "Jwt expired at ...")
		return ex.getMessage() != null ? ex.getMessage() : "Authentication is required.";
	}

}
