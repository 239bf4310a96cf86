package net.port25.workflow.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What staff may put into a task through the engine REST API and Tasklist's copy of it
 * (complete, submit-form, resolve, its variables): the values the task forms use (texts,
 * numbers, true/false, dates) and nothing else. Camunda itself would store a file of any
 * size, refuse a Java-serialized object or a text longer than a variable holds only with
 * a 500, or fail on it later; here such a value is a 400 naming the variable, in the
 * engine REST API's own error shape (which Tasklist shows), before Camunda sees it. A
 * file upload to a task is refused outright: no form takes one.
 */
class TaskVariablesGuard extends OncePerRequestFilter {

	/** The longest text a process variable holds (Camunda's {@code TEXT_} column). */
	static final int MAX_TEXT_LENGTH = 4000;

	/** Task bodies are small; a larger body is refused rather than buffered. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	/** Camunda's type names, as the REST API spells them, lower-cased. */
	private static final Set<String> FORM_TYPES = Set.of("string", "boolean", "integer", "short", "long", "double",
			"date", "null");

	private static final RequestMatcher TASK_BODIES = taskEndpoints("/complete", "/submit-form", "/resolve",
			"/variables", "/variables/*", "/localVariables", "/localVariables/*");

	private static final RequestMatcher TASK_UPLOADS = taskEndpoints("/variables/*/data", "/localVariables/*/data");

	private static final ObjectMapper json = JsonMapper.builder().build();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (TASK_UPLOADS.matches(request)) {
			EngineRestTaskCompletionRefusals.write(response, HttpStatus.BAD_REQUEST,
					"files are not accepted on tasks: no task form takes one");
			return;
		}
		if (!TASK_BODIES.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			EngineRestTaskCompletionRefusals.write(response, HttpStatus.PAYLOAD_TOO_LARGE,
					"task requests are limited to " + MAX_BODY_BYTES + " bytes");
			return;
		}
		Optional<String> refusal = refusal(body);
		if (refusal.isPresent()) {
			EngineRestTaskCompletionRefusals.write(response, HttpStatus.BAD_REQUEST, refusal.get());
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	/**
	 * Why the body's variables are refused, if they are: {@code variables} (complete,
	 * submit-form, resolve), {@code modifications} (the variables endpoint) or the body
	 * itself (one variable).
	 */
	static Optional<String> refusal(byte[] body) {
		JsonNode tree;
		try {
			tree = json.readTree(body);
		}
		catch (IOException ex) {
			// Camunda answers malformed JSON with its own 400
			return Optional.empty();
		}
		if (tree == null || !tree.isObject()) {
			return Optional.empty();
		}
		List<String> problems = new ArrayList<>();
		for (String container : List.of("variables", "modifications")) {
			Iterator<Map.Entry<String, JsonNode>> variables = tree.path(container).fields();
			while (variables.hasNext()) {
				Map.Entry<String, JsonNode> variable = variables.next();
				problem(variable.getKey(), variable.getValue()).ifPresent(problems::add);
			}
		}
		if (!tree.has("variables") && !tree.has("modifications") && (tree.has("value") || tree.has("type"))) {
			problem("the variable", tree).ifPresent(problems::add);
		}
		return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
	}

	private static Optional<String> problem(String name, JsonNode variable) {
		if (!variable.isObject()) {
			return Optional.empty();
		}
		String type = variable.path("type").asText("").toLowerCase(Locale.ROOT);
		JsonNode value = variable.path("value");
		if (!type.isEmpty() && !FORM_TYPES.contains(type)) {
			return Optional.of(name + ": values of type " + variable.path("type").asText()
					+ " are not accepted on tasks (no task form uses them)");
		}
		if (variable.path("valueInfo").has("serializationDataFormat")) {
			return Optional.of(name + ": serialized objects are not accepted on tasks");
		}
		if (value.isContainerNode()) {
			return Optional.of(name + ": must be a text, a number, true or false, not an object or a list");
		}
		if (value.isTextual() && value.textValue().length() > MAX_TEXT_LENGTH) {
			return Optional.of(name + ": longer than " + MAX_TEXT_LENGTH + " characters, the most a task keeps");
		}
		return Optional.empty();
	}

	private static RequestMatcher taskEndpoints(String... suffixes) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcher> matchers = new ArrayList<>();
		for (String root : OrQueryExpressionGuard.ENGINE_REST_ROOTS) {
			for (String suffix : suffixes) {
				matchers.add(paths.matcher(root + "/task/*" + suffix));
			}
		}
		return new OrRequestMatcher(matchers);
	}

}
