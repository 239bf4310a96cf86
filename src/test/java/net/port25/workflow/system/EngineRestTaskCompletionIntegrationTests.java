package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.ProcessScenarios;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.StaffUsers;
import net.port25.workflow.infrastructure.StaffUsers.StaffUser;
import net.port25.workflow.infrastructure.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Completing a staff task through {@code /engine-rest} with values the policy refuses is
 * a 400 naming the reason, and the task stays open; errors that are not such refusals
 * keep Camunda's own answers.
 */
@IntegrationTest
class EngineRestTaskCompletionIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	ProcessScenarios scenarios;

	@Autowired
	ObjectMapper objectMapper;

	private StaffUser reviewer;

	@BeforeEach
	void createReviewer() {
		reviewer = StaffUsers.create(identityService, "reviewer", Port25AccessProcess.GROUP_REVIEWERS);
	}

	@AfterEach
	void removeReviewer() {
		identityService.deleteUser(reviewer.id());
	}

	@Test
	void answersARejectionWithoutReasonWith400AndKeepsTheReviewOpen() throws Exception {
		Task review = reviewTask();

		HttpResponse<String> response = complete(review.getId(),
				"{\"variables\":{\"decision\":{\"value\":\"reject\"}}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(objectMapper.readTree(response.body()).path("message").asText())
			.isEqualTo("a rejection needs a reason");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
	}

	@Test
	void answersAnUnknownDecisionWith400() throws Exception {
		HttpResponse<String> response = complete(reviewTask().getId(),
				"{\"variables\":{\"decision\":{\"value\":\"maybe\"}}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("decision must be approve, reject or request-info, not maybe");
	}

	@Test
	void completesAValidDecision() throws Exception {
		Task review = reviewTask();

		HttpResponse<String> response = complete(review.getId(),
				"{\"variables\":{\"decision\":{\"value\":\"reject\"},\"reason\":{\"value\":\"No opt-in source\"}}}");

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isZero();
	}

	@Test
	void answersARefusedCompletionInTasklistWith400AndKeepsTheReviewOpen() throws Exception {
		Task review = reviewTask();
		WebappSession tasklist = WebappSession.logIn(port, reviewer);

		HttpResponse<String> response = tasklist.postJson(
				"/camunda/api/engine/engine/default/task/" + review.getId() + "/submit-form",
				"{\"variables\":{\"decision\":{\"value\":\"reject\"}}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(objectMapper.readTree(response.body()).path("message").asText())
			.isEqualTo("a rejection needs a reason");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
	}

	@Test
	void answersADecisionGivenAsANumberWith400() throws Exception {
		Task review = reviewTask();

		HttpResponse<String> response = complete(review.getId(), "{\"variables\":{\"decision\":{\"value\":1}}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(objectMapper.readTree(response.body()).path("message").asText())
			.contains("decision must be approve, reject or request-info");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
	}

	@Test
	void answersAJavaSerializedVariableWith400() throws Exception {
		Task review = reviewTask();

		HttpResponse<String> response = complete(review.getId(), """
				{"variables":{"decision":{"value":"approve"},"reason":{"type":"Object",
				 "value":"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==",
				 "valueInfo":{"objectTypeName":"java.util.ArrayList",
				              "serializationDataFormat":"application/x-java-serialized-object"}}}}""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(objectMapper.readTree(response.body()).path("message").asText()).contains("reason");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
	}

	@Test
	void answersAFileVariableOnATaskWith400() throws Exception {
		Task review = reviewTask();

		HttpResponse<String> response = complete(review.getId(), """
				{"variables":{"decision":{"value":"approve"},"evidence":{"type":"File","value":"aGVsbG8=",
				 "valueInfo":{"filename":"evidence.txt"}}}}""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(objectMapper.readTree(response.body()).path("message").asText()).contains("File");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
	}

	@Test
	void refusesAFileUploadedToATask() throws Exception {
		Task review = reviewTask();
		String boundary = "port25boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(2_000_000) + "\r\n--" + boundary
				+ "--\r\n";

		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create(
					"http://localhost:" + port + "/engine-rest/task/" + review.getId() + "/variables/evidence/data"))
			.header("Authorization", reviewer.basicAuthorization())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isBetween(400, 413);
		assertThat(taskService.getVariable(review.getId(), "evidence")).isNull();
	}

	@Test
	void answersATextLongerThanAVariableHoldsWith400() throws Exception {
		Task review = reviewTask();

		HttpResponse<String> response = complete(review.getId(),
				"{\"variables\":{\"decision\":{\"value\":\"reject\"},\"reason\":{\"value\":\"" + "x".repeat(5000)
						+ "\"}}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(objectMapper.readTree(response.body()).path("message").asText()).contains("reason");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
	}

	@Test
	void leavesOtherErrorsToCamunda() throws Exception {
		HttpResponse<String> response = complete(reviewTask().getId(), "{\"variables\":");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("rejection");
	}

	private Task reviewTask() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		return taskService.createTaskQuery()
			.processInstanceId(request.instance().getId())
			.taskDefinitionKey("reviewRequest")
			.singleResult();
	}

	private HttpResponse<String> complete(String taskId, String body) throws Exception {
		return http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
			.header("Authorization", reviewer.basicAuthorization())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
