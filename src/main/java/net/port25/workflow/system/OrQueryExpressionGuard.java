package net.port25.workflow.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
 * so the setting alone does not protect the engine. The query string and the body are
 * looked at as sent, URL-decoded (repeatedly, against double encoding) and, for JSON, as
 * parsed (so {@code \u0024{} is caught too). Task queries never need an expression here:
 * the application turns expressions off for ad-hoc and stored queries alike.
 */
class OrQueryExpressionGuard extends OncePerRequestFilter {

	/**
	 * The task query and filter endpoints of the engine REST API and of the webapps' own
	 * copy of it.
	 */
	static final RequestMatcher TASK_QUERIES = taskQueries();

	/** Task query bodies are small; a larger body is refused rather than buffered. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final List<String> EXPRESSION_STARTS = List.of("${", "#{");

	private static final int MAX_DECODING_ROUNDS = 5;

	private static final ObjectMapper json = JsonMapper.builder().build();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !TASK_QUERIES.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (containsExpression(request.getQueryString())) {
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
		if (bodyContainsExpression(body)) {
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

	private static boolean bodyContainsExpression(byte[] body) {
		if (body.length == 0) {
			return false;
		}
		if (containsExpression(new String(body, StandardCharsets.UTF_8))) {
			return true;
		}
		try {
			return jsonContainsExpression(json.readTree(body));
		}
		catch (IOException ex) {
			// not JSON: the raw text was looked at above, and Camunda refuses the body
			// itself
			return false;
		}
	}

	private static boolean jsonContainsExpression(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return containsExpression(node.textValue());
		}
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (containsExpression(field.getKey()) || jsonContainsExpression(field.getValue())) {
					return true;
				}
			}
			return false;
		}
		for (JsonNode element : node) {
			if (jsonContainsExpression(element)) {
				return true;
			}
		}
		return false;
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
		for (String root : List.of("/engine-rest", "/engine-rest/engine/*", "/camunda/api/engine/engine/*")) {
			for (String query : List.of("/task", "/task/", "/task/count", "/task/count/", "/filter/**")) {
				matchers.add(paths.matcher(root + query));
			}
		}
		return new OrRequestMatcher(matchers);
	}

	/** The request with its body read once and served again from memory. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : "UTF-8";
			return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
