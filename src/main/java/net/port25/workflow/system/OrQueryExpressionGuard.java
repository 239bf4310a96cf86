package net.port25.workflow.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * Refuses task queries that carry an expression ({@code ${...}} or {@code #{...}}), with
 * 400 and a problem body, before Camunda sees them. Camunda 7.24 CE evaluates expressions
 * in the {@code orQueries} of a task query even with
 * {@code enable-expressions-in-adhoc-queries: false} (2026 advisory, no community fix),
 * so the setting alone does not protect the engine. It evaluates them only in a query's
 * expression fields ({@code assigneeExpression}, {@code dueBeforeExpression}, ... : the
 * names ending in {@code Expression}), at any depth; those are looked at as sent,
 * URL-decoded (repeatedly, against double encoding) and, for JSON, as parsed (so
 * {@code \u0024{} is caught too). Anything else is only text Camunda compares: a variable
 * value that contains {@code ${} is searched for like any other. Task queries never need
 * an expression here: the application turns expressions off for ad-hoc and stored queries
 * alike.
 */
class OrQueryExpressionGuard extends OncePerRequestFilter {

	/**
	 * Where the engine REST API is served from: the default engine, a named one, and the
	 * webapps' copy behind Tasklist.
	 */
	static final List<String> ENGINE_REST_ROOTS = List.of("/engine-rest", "/engine-rest/engine/*",
			"/camunda/api/engine/engine/*");

	/**
	 * The task query and filter endpoints of the engine REST API and of the webapps' own
	 * copy of it.
	 */
	static final RequestMatcher TASK_QUERIES = taskQueries();

	/** Task query bodies are small; a larger body is refused rather than buffered. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final List<String> EXPRESSION_STARTS = List.of("${", "#{");

	private static final int MAX_DECODING_ROUNDS = 5;

	private static final String EXPRESSION_FIELD_SUFFIX = "expression";

	private static final ObjectMapper json = JsonMapper.builder().build();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !TASK_QUERIES.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (queryStringHasExpression(request.getQueryString())) {
			refuse(request, response, "Task queries must not contain expressions (${...} or #{...}).");
			return;
		}
		if (!mayHaveBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
					"Task query bodies are limited to " + MAX_BODY_BYTES + " bytes.");
			return;
		}
		if (bodyHasExpression(body)) {
			refuse(request, response, "Task queries must not contain expressions (${...} or #{...}).");
			return;
		}
		// the body has been read; Camunda gets the same bytes again
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	static boolean containsExpression(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		String current = text;
		for (int round = 0; round <= MAX_DECODING_ROUNDS; round++) {
			if (hasExpressionStart(current)) {
				return true;
			}
			String decoded = urlDecode(current);
			if (decoded.equals(current)) {
				return false;
			}
			current = decoded;
		}
		// still changing after several rounds of decoding: nobody sends that by accident
		return true;
	}

	/**
	 * An expression in an expression field of the query string, or in one of a JSON
	 * parameter's ({@code orQueries=[...]}).
	 */
	static boolean queryStringHasExpression(String query) {
		if (query == null || query.isEmpty()) {
			return false;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decoded((equals < 0) ? pair : pair.substring(0, equals));
			String value = decoded((equals < 0) ? "" : pair.substring(equals + 1));
			if (name == null || value == null) {
				// still changing after several rounds of decoding: nobody sends that by
				// accident
				return true;
			}
			if (isExpressionField(name) && hasExpressionStart(value)) {
				return true;
			}
			if (jsonHasExpression(json(value.getBytes(StandardCharsets.UTF_8)), false)) {
				return true;
			}
		}
		return false;
	}

	private static boolean bodyHasExpression(byte[] body) {
		// not JSON: Camunda refuses the body itself
		return jsonHasExpression(json(body), false);
	}

	private static JsonNode json(byte[] text) {
		if (text.length == 0) {
			return null;
		}
		try {
			return json.readTree(text);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static boolean jsonHasExpression(JsonNode node, boolean inExpressionField) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return inExpressionField && containsExpression(node.textValue());
		}
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				String name = decoded(field.getKey());
				if (name == null || jsonHasExpression(field.getValue(), inExpressionField || isExpressionField(name))) {
					return true;
				}
			}
			return false;
		}
		for (JsonNode element : node) {
			if (jsonHasExpression(element, inExpressionField)) {
				return true;
			}
		}
		return false;
	}

	/** The names of the fields Camunda evaluates as expressions end so. */
	private static boolean isExpressionField(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith(EXPRESSION_FIELD_SUFFIX);
	}

	/** The text URL-decoded until it no longer changes; null if it still does. */
	private static String decoded(String text) {
		String current = text;
		for (int round = 0; round <= MAX_DECODING_ROUNDS; round++) {
			String decoded = urlDecode(current);
			if (decoded.equals(current)) {
				return current;
			}
			current = decoded;
		}
		return null;
	}

	private static boolean hasExpressionStart(String text) {
		return EXPRESSION_STARTS.stream().anyMatch(text::contains);
	}

	/**
	 * Percent-decodes what is well-formed and keeps the rest as it is; {@code URLDecoder}
	 * would give up on the whole text at the first stray '%', and an encoded expression
	 * behind one would pass unseen.
	 */
	static String urlDecode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			byte b = bytes[i];
			if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
				out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
				i += 2;
			}
			else {
				out.write(b == '+' ? ' ' : b);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static int hex(byte b) {
		return Character.digit(b, 16);
	}

	private static boolean mayHaveBody(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
				&& !"OPTIONS".equals(request.getMethod());
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, detail);
	}

	/**
	 * The task query, task count and filter endpoints under each root the engine REST API
	 * is served from: the default engine ({@code /engine-rest}), a named one
	 * ({@code /engine-rest/engine/{name}}) and the webapps' copy
	 * ({@code /camunda/api/engine/engine/{name}}). A task's own endpoints (complete,
	 * submit-form, variables) are left alone: what they carry is stored, never evaluated.
	 */
	private static RequestMatcher taskQueries() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcher> matchers = new ArrayList<>();
		for (String root : ENGINE_REST_ROOTS) {
			for (String query : List.of("/task", "/task/", "/task/count", "/task/count/", "/filter/**")) {
				matchers.add(paths.matcher(root + query));
			}
		}
		return new OrRequestMatcher(matchers);
	}

}
