package net.port25.workflow.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.ProcessScenarios;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.StaffUsers;
import net.port25.workflow.infrastructure.StaffUsers.StaffUser;
import net.port25.workflow.infrastructure.WebappSession;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What staff get from Tasklist's own calls: their group's filters, the most urgent task
 * first with the request, service and customer on its card, a request found by its
 * reference, the task's history, comments, and a form that opens empty.
 */
@IntegrationTest
class TasklistIntegrationTests {

	private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

	private static final String[] REVIEW_FORM = { Variables.DECISION, Variables.REASON, Variables.REASON_CODE,
			Variables.QUESTIONS };

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	FilterService filterService;

	@Autowired
	TasklistFilters filters;

	@Autowired
	ProcessScenarios scenarios;

	@Autowired
	ObjectMapper json;

	@Test
	void showsEachGroupItsOwnFilters() throws Exception {
		assertThat(filterNames(session(Port25AccessProcess.GROUP_REVIEWERS)))
			.contains("Port 25 reviews", "Abuse reviews")
			.doesNotContain("Ports to open");
		assertThat(filterNames(session(Port25AccessProcess.GROUP_NOC))).contains("Ports to open")
			.doesNotContain("Port 25 reviews", "Abuse reviews");
		assertThat(filterNames(session(Port25AccessProcess.GROUP_LEADS))).contains("Port 25 reviews", "Abuse reviews",
				"Ports to open");
	}

	@Test
	void createsEachFilterOnceHoweverOftenItStarts() {
		filters.createMissingFilters();
		filters.createMissingFilters();

		for (TasklistFilters.StaffFilter filter : TasklistFilters.FILTERS) {
			assertThat(filterService.createTaskFilterQuery().filterName(filter.name()).count()).as(filter.name())
				.isEqualTo(1);
		}
	}

	@Test
	void listsReviewsEarliestDueFirstWithTheRequestOnTheCard() throws Exception {
		ProcessScenarios.Request first = scenarios.submit("submitted-icolocation.json");
		ProcessScenarios.Request second = scenarios.submit("submitted-icolocation.json");

		JsonNode page = list(session(Port25AccessProcess.GROUP_REVIEWERS), "Port 25 reviews", "{}");

		List<String> names = taskNames(page);
		assertThat(names).anySatisfy((name) -> assertThat(name).startsWith("Review request " + first.ref() + ": "))
			.anySatisfy((name) -> assertThat(name).startsWith("Review request " + second.ref() + ": "));
		assertThat(dueDates(page)).isSorted();
		Task review = task(second);
		assertThat(review.getName()).isEqualTo("Review request " + second.ref() + ": iColocation " + second.serviceId()
				+ ", customer " + second.customerId());
		assertThat(cardVariables(page, review.getId())).containsEntry(Variables.REQUEST_REF, second.ref())
			.containsEntry(Variables.SERVICE_ID, second.serviceId())
			.containsEntry(Variables.SERVICE_TYPE, "iColocation")
			.containsEntry(Variables.CUSTOMER_ID, second.customerId());
	}

	@Test
	void findsARequestByTheReferenceTypedIntoTheSearch() throws Exception {
		ProcessScenarios.Request wanted = scenarios.submit("submitted-icolocation.json");
		scenarios.submit("submitted-icolocation.json");

		// Tasklist's search box matches the task name by default
		JsonNode page = list(session(Port25AccessProcess.GROUP_REVIEWERS), "Port 25 reviews",
				"{\"nameLike\":\"%" + wanted.ref() + "%\"}");

		assertThat(taskNames(page)).singleElement().asString().contains(wanted.ref());
	}

	@Test
	void showsReviewersTheTaskHistoryAndTakesTheirComments() throws Exception {
		StaffUser reviewer = StaffUsers.create(identityService, "reviewer", Port25AccessProcess.GROUP_REVIEWERS);
		WebappSession tasklist = WebappSession.logIn(port, reviewer);
		Task review = task(scenarios.submit("submitted-icolocation.json"));

		assertThat(tasklist
			.postJson(TASKLIST_API + "/task/" + review.getId() + "/claim", "{\"userId\":\"" + reviewer.id() + "\"}")
			.statusCode()).isEqualTo(204);
		assertThat(tasklist
			.postJson(TASKLIST_API + "/task/" + review.getId() + "/comment/create", "{\"message\":\"Calling them\"}")
			.statusCode()).isEqualTo(200);

		JsonNode history = json
			.readTree(tasklist.get(TASKLIST_API + "/history/user-operation?taskId=" + review.getId()).body());
		assertThat(history.findValuesAsText("operationType")).contains("Claim");
		assertThat(history.findValuesAsText("userId")).contains(reviewer.id());
		JsonNode comments = json.readTree(tasklist.get(TASKLIST_API + "/task/" + review.getId() + "/comment").body());
		assertThat(comments.findValuesAsText("message")).containsExactly("Calling them");
	}

	@Test
	void aReviewFormOpensEmptyAndWhatItGaveIsNotLeftOnTheProcess() throws Exception {
		StaffUser reviewer = StaffUsers.create(identityService, "reviewer", Port25AccessProcess.GROUP_REVIEWERS);
		WebappSession tasklist = WebappSession.logIn(port, reviewer);
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		Task first = task(request);
		assertThat(formFields(tasklist, first)).isEmpty();

		assertThat(tasklist.postJson(TASKLIST_API + "/task/" + first.getId() + "/submit-form",
				"{\"variables\":{\"decision\":{\"value\":\"request-info\"},"
						+ "\"questions\":{\"value\":\"Which software sends the mail?\"}}}")
			.statusCode()).isEqualTo(204);
		assertThat(runtimeService.getVariables(request.instance().getId())).doesNotContainKeys(REVIEW_FORM);
		// a client of the engine REST API sets a field on the process without completing
		// a task
		runtimeService.setVariable(request.instance().getId(), Variables.DECISION, "approve");
		scenarios.answer(request, "{\"notes\":\"Exim 4.96 sends the mail\"}");

		Task second = task(request);
		assertThat(second.getId()).isNotEqualTo(first.getId());
		assertThat(formFields(tasklist, second)).isEmpty();
	}

	/** The review form's fields as Tasklist loads them when it opens the form. */
	private JsonNode formFields(WebappSession tasklist, Task review) throws Exception {
		return json.readTree(
				tasklist
					.get(TASKLIST_API + "/task/" + review.getId() + "/form-variables?variableNames="
							+ String.join(",", REVIEW_FORM))
					.body());
	}

	private WebappSession session(String group) throws Exception {
		return WebappSession.logIn(port, StaffUsers.create(identityService, group, group));
	}

	private List<String> filterNames(WebappSession tasklist) throws Exception {
		JsonNode filters = json.readTree(tasklist.get(TASKLIST_API + "/filter?resourceType=Task").body());
		return filters.findValuesAsText("name");
	}

	private JsonNode list(WebappSession tasklist, String filterName, String query) throws Exception {
		String filterId = filterService.createTaskFilterQuery().filterName(filterName).singleResult().getId();
		return json.readTree(
				tasklist.postForHal(TASKLIST_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=1000", query)
					.body());
	}

	private static List<String> taskNames(JsonNode page) {
		return tasks(page).map((task) -> task.path("name").asText()).toList();
	}

	private static List<String> dueDates(JsonNode page) {
		return tasks(page).map((task) -> task.path("due").asText()).toList();
	}

	private static Map<String, String> cardVariables(JsonNode page, String taskId) {
		JsonNode task = tasks(page).filter((candidate) -> taskId.equals(candidate.path("id").asText()))
			.findFirst()
			.orElseThrow();
		return StreamSupport.stream(task.path("_embedded").path("variable").spliterator(), false)
			.collect(Collectors.toMap((variable) -> variable.path("name").asText(),
					(variable) -> variable.path("value").asText()));
	}

	private static Stream<JsonNode> tasks(JsonNode page) {
		return StreamSupport.stream(page.path("_embedded").path("task").spliterator(), false);
	}

	private Task task(ProcessScenarios.Request request) {
		return taskService.createTaskQuery().processInstanceId(request.instance().getId()).singleResult();
	}

}
