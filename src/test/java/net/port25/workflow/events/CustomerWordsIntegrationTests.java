package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Correspondence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, point 7: the customer's own words are kept and shown to the reviewer, an
 * unlabeled reply to the reviewer's questions included, and the reviewer's view is
 * rebuilt on every answer.
 */
@IntegrationTest
class CustomerWordsIntegrationTests extends EndToEnd {

	@Autowired
	Correspondence correspondence;

	@Test
	void showsTheReviewerTheRequestAsTheCustomerWroteIt() {
		ContractTraffic.Request request = traffic.submit("submitted-cvirtual-template-text.json", (data) -> {
		});

		String instance = awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST).getProcessInstanceId();

		assertThat((String) runtimeService.getVariable(instance, Variables.REQUEST_TEXT))
			.contains("Reason port 25 is needed: Our order system runs its own MTA for order confirmations");
		assertThat(correspondence.of(request.ref())).extracting(Correspondence.Entry::kind)
			.containsExactly(Correspondence.Kind.REQUEST);
	}

	@Test
	void keepsAnUnlabeledReplyToTheReviewersQuestionsAsTheAnswerAndShowsIt() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		complete(request, Port25AccessProcess.TASK_REVIEW_REQUEST, Map.of(Variables.DECISION, "request-info",
				Variables.QUESTIONS, "Which of your customers receive newsletters, and how did they sign up?"));
		traffic.reply(request.ref(), 1, "port25.info.requested");

		traffic.answer(request, null,
				"Only customers who ticked the newsletter box at checkout; we confirm every sign-up by email.");

		String instance = awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST).getProcessInstanceId();
		assertThat((String) runtimeService.getVariable(instance, Variables.REQUEST_CORRESPONDENCE))
			.contains("The customer's answer")
			.contains("ticked the newsletter box at checkout")
			.contains("Which of your customers receive newsletters");
		assertThat(correspondence.of(request.ref())).extracting(Correspondence.Entry::kind)
			.containsExactly(Correspondence.Kind.QUESTIONS, Correspondence.Kind.ANSWER);
	}

}
