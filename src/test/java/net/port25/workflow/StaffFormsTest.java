package net.port25.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.port25.workflow.Port25AccessProcess.AbuseDecision;
import net.port25.workflow.Port25AccessProcess.FormChoice;
import net.port25.workflow.Port25AccessProcess.ReviewDecision;
import net.port25.workflow.Port25AccessProcess.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three staff forms against the contract and the engine: each completes with the
 * contract's fields, offers exactly the policy's choices, shows only texts its task gives
 * it, and has no inner scrollbars (no read-only text areas).
 */
class StaffFormsTest {

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

	private static final Map<String, Set<String>> COMPLETES_WITH = Map.of(Port25AccessProcess.TASK_REVIEW_REQUEST,
			Set.of(Variables.DECISION, Variables.REASON, Variables.REASON_CODE, Variables.QUESTIONS),
			Port25AccessProcess.TASK_OPEN_PORT_25, Set.of(Variables.OPENED), Port25AccessProcess.TASK_REVIEW_ABUSE,
			Set.of(Variables.ABUSE_DECISION, Variables.REASON));

	/** What each task's listener puts on the task for its form to show. */
	private static final Map<String, Set<String>> SHOWS = Map.of(Port25AccessProcess.TASK_REVIEW_REQUEST,
			Set.of(Variables.REQUEST_SUMMARY, Variables.REVIEW_FINDINGS, Variables.REQUEST_TEXT,
					Variables.REQUEST_CORRESPONDENCE, Variables.REQUEST_HISTORY),
			Port25AccessProcess.TASK_OPEN_PORT_25, Set.of(Variables.PORT_TO_OPEN),
			Port25AccessProcess.TASK_REVIEW_ABUSE, Set.of(Variables.ABUSE_REPORT, Variables.ABUSE_HISTORY));

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { Port25AccessProcess.TASK_REVIEW_REQUEST, Port25AccessProcess.TASK_OPEN_PORT_25,
			Port25AccessProcess.TASK_REVIEW_ABUSE })
	void completesWithTheContractsFieldsAndShowsWhatItsTaskGivesIt(String task) throws IOException {
		JsonNode form = form(task);

		assertThat(form.path("id").asText()).isEqualTo(task);
		assertThat(components(form).stream().filter((component) -> component.has("key")))
			.extracting((component) -> component.get("key").asText())
			.containsExactlyInAnyOrderElementsOf(COMPLETES_WITH.get(task));
		assertThat(templateVariables(form)).containsExactlyInAnyOrderElementsOf(SHOWS.get(task));
		assertThat(components(form)).as("no inner scrollbars: texts are shown as text, not in read-only fields")
			.noneMatch((component) -> component.path("readonly").asBoolean(false));
	}

	@ParameterizedTest
	@ValueSource(strings = { Port25AccessProcess.TASK_REVIEW_REQUEST, Port25AccessProcess.TASK_REVIEW_ABUSE })
	void offersExactlyThePolicysChoicesAndRequiresADecision(String task) throws IOException {
		JsonNode decision = components(form(task)).stream()
			.filter((component) -> "radio".equals(component.path("type").asText()))
			.findFirst()
			.orElseThrow();
		FormChoice[] choices = task.equals(Port25AccessProcess.TASK_REVIEW_REQUEST) ? ReviewDecision.values()
				: AbuseDecision.values();

		assertThat(StreamSupport.stream(decision.path("values").spliterator(), false))
			.extracting((value) -> value.get("value").asText())
			.containsExactlyElementsOf(Arrays.stream(choices).map(FormChoice::value).toList());
		assertThat(decision.at("/validate/required").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { Variables.REASON, Variables.QUESTIONS })
	void asksForTheReasonOrTheQuestionsWhenTheDecisionNeedsThem(String field) throws IOException {
		JsonNode component = component(form(Port25AccessProcess.TASK_REVIEW_REQUEST), field);
		String decision = field.equals(Variables.REASON) ? ReviewDecision.REJECT.value()
				: ReviewDecision.REQUEST_INFO.value();

		assertThat(component.at("/validate/required").asBoolean()).isTrue();
		assertThat(component.at("/conditional/hide").asText()).isEqualTo("=decision != \"" + decision + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { Port25AccessProcess.TASK_OPEN_PORT_25, Port25AccessProcess.TASK_REVIEW_ABUSE })
	void cannotBeCompletedWithoutItsConfirmationOrReason(String task) throws IOException {
		String field = task.equals(Port25AccessProcess.TASK_OPEN_PORT_25) ? Variables.OPENED : Variables.REASON;

		JsonNode component = component(form(task), field);

		assertThat(component.at("/validate/required").asBoolean()).isTrue();
		assertThat(component.has("conditional")).isFalse();
	}

	private JsonNode form(String task) throws IOException {
		return json.readTree(Files.readString(Path.of("bpmn", task + ".form")));
	}

	private static List<JsonNode> components(JsonNode form) {
		List<JsonNode> components = new ArrayList<>();
		form.path("components").forEach(components::add);
		return components;
	}

	private static JsonNode component(JsonNode form, String key) {
		return components(form).stream()
			.filter((component) -> key.equals(component.path("key").asText()))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> templateVariables(JsonNode form) {
		List<String> variables = new ArrayList<>();
		for (JsonNode component : components(form)) {
			Matcher matcher = TEMPLATE_VARIABLE.matcher(component.path("text").asText());
			while (matcher.find()) {
				variables.add(matcher.group(1));
			}
		}
		return variables;
	}

}
