package net.port25.workflow.system;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

class OrQueryExpressionGuardTest {

	private final OrQueryExpressionGuard guard = new OrQueryExpressionGuard();

	@Test
	void refusesAnExpressionInTheQueryString() throws Exception {
		MockHttpServletResponse response = filter(get("/engine-rest/task", "assigneeExpression=${currentUser()}"));

		assertRefused(response);
	}

	@Test
	void refusesAnUrlEncodedExpressionInTheQueryString() throws Exception {
		assertRefused(filter(get("/engine-rest/task", "assigneeExpression=%24%7BcurrentUser()%7D")));
		assertRefused(filter(get("/engine-rest/task/count", "assigneeExpression=%23%7Bx%7D")));
		assertRefused(
				filter(get("/engine-rest/task", "orQueries=%5B%7B%22assigneeExpression%22%3A%22$%7Bx%7D%22%7D%5D")));
	}

	@Test
	void refusesADoublyEncodedExpressionAndOneBehindAStrayPercentSign() throws Exception {
		assertRefused(filter(get("/engine-rest/task", "assigneeExpression=%2524%257Bx%257D")));
		assertRefused(filter(get("/engine-rest/task", "nameLike=%zz&assigneeExpression=%24%7Bx%7D")));
	}

	@Test
	void refusesAnExpressionInTheOrQueriesOfAJsonBody() throws Exception {
		MockHttpServletResponse response = filter(post("/engine-rest/task",
				"{\"orQueries\":[{\"candidateGroupExpression\":\"${currentUserGroups()}\"}]}"));

		assertRefused(response);
	}

	@Test
	void refusesAJsonUnicodeEscapedExpressionInTheBody() throws Exception {
		assertRefused(filter(post("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{x}\"}]}")));
		assertRefused(
				filter(post("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"\\u0023\\u007bx}\"}]}")));
	}

	@Test
	void guardsFiltersNamedEnginesAndTheWebappsCopyOfTheApi() throws Exception {
		String body = "{\"assigneeExpression\":\"${x}\"}";
		assertRefused(filter(post("/engine-rest/filter/f-1/list", body)));
		assertRefused(filter(post("/engine-rest/filter/create", body)));
		assertRefused(filter(post("/engine-rest/engine/default/task", body)));
		assertRefused(filter(post("/camunda/api/engine/engine/default/task", body)));
		assertRefused(filter(post("/camunda/api/engine/engine/default/task/count", body)));
		assertRefused(filter(post("/camunda/api/engine/engine/default/filter/f-1/list", body)));
	}

	@Test
	void passesAQueryWithoutExpressionsWithItsBodyIntact() throws Exception {
		String body = "{\"orQueries\":[{\"assignee\":\"reviewer\",\"nameLike\":\"%Review%\"}],\"sorting\":[]}";
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();

		guard.doFilter(post("/engine-rest/task", body), response, chain);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(StreamUtils.copyToString(chain.getRequest().getInputStream(), StandardCharsets.UTF_8))
			.isEqualTo(body);
		assertThat(chain.getRequest().getContentLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void passesAVariableValueThatContainsAnExpressionStart() throws Exception {
		// only a query's expression fields are evaluated; a value is text to search for
		for (String body : List.of(
				"{\"processVariables\":[{\"name\":\"reason\",\"operator\":\"like\",\"value\":\"%${%\"}]}",
				"{\"orQueries\":[{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":\"#{y}\"}]}]}",
				"{\"nameLike\":\"%${%\",\"description\":\"costs ${5}\"}")) {
			MockFilterChain chain = new MockFilterChain();

			guard.doFilter(post("/engine-rest/task", body), new MockHttpServletResponse(), chain);

			assertThat(chain.getRequest()).as(body).isNotNull();
		}
		MockFilterChain chain = new MockFilterChain();
		guard.doFilter(get("/engine-rest/task", "processVariables=reason_like_%25%24%7B%25"),
				new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void refusesAnExpressionInAnExpressionFieldWhateverItsCase() throws Exception {
		assertRefused(filter(post("/engine-rest/task", "{\"orQueries\":[{\"ASSIGNEEEXPRESSION\":\"${x}\"}]}")));
		assertRefused(filter(post("/engine-rest/task", "{\"dueBeforeExpression\":[\"${x}\"]}")));
	}

	@Test
	void passesAPlainGetQuery() throws Exception {
		MockFilterChain chain = new MockFilterChain();

		guard.doFilter(get("/engine-rest/task", "candidateGroup=port25-reviewers&nameLike=%25Review%25"),
				new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void leavesATasksOwnEndpointsAloneInTheApiAndInTasklist() throws Exception {
		// a task's variables may say anything; only queries are evaluated against the
		// engine's expressions
		String body = "{\"variables\":{\"reason\":{\"value\":\"costs ${5}\"}}}";
		for (String path : List.of("/engine-rest/task/t-1/complete",
				"/camunda/api/engine/engine/default/task/t-1/submit-form")) {
			MockFilterChain chain = new MockFilterChain();
			MockHttpServletRequest request = post(path, body);

			guard.doFilter(request, new MockHttpServletResponse(), chain);

			assertThat(chain.getRequest()).as(path).isSameAs(request);
		}
	}

	@Test
	void refusesABodyTooLargeToBeATaskQuery() throws Exception {
		MockHttpServletResponse response = filter(
				post("/engine-rest/task", "\"" + "a".repeat(OrQueryExpressionGuard.MAX_BODY_BYTES) + "\""));

		assertThat(response.getStatus()).isEqualTo(413);
	}

	private MockHttpServletResponse filter(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		guard.doFilter(request, response, chain);
		if (response.getStatus() >= 400) {
			assertThat(chain.getRequest()).as("passed on to Camunda").isNull();
		}
		return response;
	}

	private static void assertRefused(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains("\"status\":400")
			.contains("\"title\":\"Bad Request\"")
			.contains("\"type\":\"about:blank\"")
			.contains("expressions");
	}

	private static MockHttpServletRequest get(String path, String query) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setQueryString(query);
		return request;
	}

	private static MockHttpServletRequest post(String path, String json) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContentType(MediaType.APPLICATION_JSON_VALUE);
		request.setContent(json.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
