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
	private static final String ACCESS_DENIED = "Access is denied.";

	private ProblemResponses() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
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
