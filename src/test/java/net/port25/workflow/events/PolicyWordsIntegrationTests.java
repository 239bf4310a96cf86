package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import net.port25.workflow.FormText;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Readable;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, points 3 and 4: a customer who writes in the policy's words is understood;
 * the questions name the answers they accept; ports 465/587 come first.
 */
@IntegrationTest
class PolicyWordsIntegrationTests extends EndToEnd {

	private static final String TEMPLATE = "submitted-cvirtual-template-text.json";

	@Autowired
	Requests requests;

	@Test
	void understandsBroaderPublicAndAsksThePublicToConfirmItsOptIn() {
		ContractTraffic.Request request = traffic.submit(TEMPLATE, (data) -> data.put("body",
				data.get("body").asText().replace("Recipient type: own customers", "Recipient type: broader public")));

		JsonNode asked = traffic.reply(request.ref(), 1, "port25.info.requested");
		assertThat(asked.at("/data/missingFields")).extracting(JsonNode::asText).containsExactly("optInConfirmed");
		assertThat(asked.at("/data/questions").asText()).contains("broader public", "Please answer yes or no");

		traffic.answer(request, null, "Recipients opted in: No");

		awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(requests.get(request.ref()).findings()).extracting(Finding::code, Finding::severity)
			.contains(
					org.assertj.core.groups.Tuple.tuple("PUBLIC_RECIPIENTS_WITHOUT_OPT_IN", Finding.Severity.CRITICAL));
	}

	@Test
	void asksForTheRecipientTypeWithTheAnswersItTakesAndTheClosingDateInWords() {
		ContractTraffic.Request request = traffic.submit(TEMPLATE, (data) -> data.put("body",
				data.get("body").asText().replace("Recipient type: own customers", "Recipient type: friends")));

		JsonNode asked = traffic.reply(request.ref(), 1, "port25.info.requested");

		assertThat(asked.at("/data/questions").asText())
			.contains("own users or customers only, internal systems, or the broader public")
			.contains("Please answer own customers, internal or public");
		assertThat(asked.at("/data/message").asText()).contains("please answer the questions below by "
				+ Readable.date(java.time.Instant.now().plus(java.time.Duration.ofDays(14))));
		EndToEnd.assertReadable(asked);

		traffic.answer(request, null, "Recipient type: internal systems");

		awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(requests.get(request.ref()).facts().recipientType())
			.isEqualTo(net.port25.workflow.request.RecipientType.INTERNAL);
	}

	@Test
	void takesWillBeConfiguredBeforeSendingAsAnAnswerAndShowsItToTheReviewer() {
		ContractTraffic.Request request = traffic
			.submit(TEMPLATE,
					(data) -> data.put("body", data.get("body")
						.asText()
						.replace("DMARC configured: No", "DMARC configured: will be configured before sending")));

		awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST);

		assertThat(requests.get(request.ref()).findings()).extracting(Finding::code).contains("DMARC_BEFORE_SENDING");
		assertThat(FormText.asRead(runtimeService.getVariable(instance(request), Variables.REQUEST_SUMMARY)))
			.contains("DMARC configured: will be configured before sending");
	}

	@Test
	void flagsAThirdPartyProviderAndTellsARejectedCustomerHowToUseTheSubmissionPorts() {
		ContractTraffic.Request request = traffic.submit(TEMPLATE, (data) -> data.put("body",
				data.get("body").asText().replace("Exim 4.96", "Exim 4.96 relaying through SendGrid")));
		awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(FormText.asRead(runtimeService.getVariable(instance(request), Variables.REVIEW_FINDINGS)))
			.contains("SendGrid", "use-submission-ports");

		complete(request, Port25AccessProcess.TASK_REVIEW_REQUEST,
				Map.of(Variables.DECISION, "reject", Variables.REASON, "SendGrid accepts your mail on port 587",
						Variables.REASON_CODE, "use-submission-ports"));

		JsonNode rejected = traffic.reply(request.ref(), 1, "port25.request.rejected");
		assertThat(rejected.at("/data/reasonCode").asText()).isEqualTo("use-submission-ports");
		assertThat(rejected.at("/data/message").asText()).contains("SendGrid accepts your mail on port 587")
			.contains("port 587 (STARTTLS) or port 465 (TLS)")
			.contains("submit a new request");
		EndToEnd.assertReadable(rejected);
	}

	@Test
	void asksForTheHostnameAlignmentWithRdnsAndShowsTheReviewerAPtrNameThatDoesNotMatch() {
		ContractTraffic.Request request = traffic.submit(TEMPLATE,
				(data) -> data.put("body", data.get("body").asText().replace(" rDNS configured: Yes", "")));

		JsonNode asked = traffic.reply(request.ref(), 1, "port25.info.requested");
		assertThat(asked.at("/data/missingFields")).extracting(JsonNode::asText).containsExactly("rdnsConfigured");
		assertThat(asked.at("/data/questions").asText())
			.contains("with a PTR name that matches the mail server's hostname");

		traffic.answer(request, null, "rDNS configured: Yes\nPTR matches hostname: No");

		String instance = instance(request);
		assertThat(requests.get(request.ref()).facts().rdnsMatchesHostname()).isFalse();
		assertThat(requests.get(request.ref()).findings()).extracting(Finding::code, Finding::severity)
			.contains(org.assertj.core.groups.Tuple.tuple("RDNS_NOT_MATCHING_HOSTNAME", Finding.Severity.WARNING));
		assertThat(FormText.asRead(runtimeService.getVariable(instance, Variables.REVIEW_FINDINGS)))
			.contains("The PTR name of the IP address(es) does not match the mail server's hostname.");
		assertThat(FormText.asRead(runtimeService.getVariable(instance, Variables.REQUEST_SUMMARY)))
			.contains("rDNS configured: Yes")
			.contains("rDNS (PTR) matches the hostname: No");
	}

	@Test
	void showsTheReviewerThatRdnsIsConfiguredWithoutSayingWhetherThePtrNameMatchesAndAsksNothing() {
		ContractTraffic.Request request = traffic.submit(TEMPLATE, (data) -> {
		});

		String instance = instance(request);

		assertThat(traffic.all(topics.replies(), request.ref())).isEmpty();
		assertThat(requests.get(request.ref()).facts().rdnsConfigured()).isNotNull();
		assertThat(requests.get(request.ref()).facts().rdnsMatchesHostname()).isNull();
		assertThat(requests.get(request.ref()).findings()).extracting(Finding::code)
			.doesNotContain("RDNS_NOT_MATCHING_HOSTNAME", "RDNS_NOT_CONFIGURED");
		assertThat(FormText.asRead(runtimeService.getVariable(instance, Variables.REQUEST_SUMMARY)))
			.contains("rDNS configured: Yes")
			.contains("rDNS (PTR) matches the hostname: not given");
	}

	@Test
	void aPtrNameThatMatchesTheHostnameIsNoFinding() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json",
				(data) -> data.put("rdnsMatchesHostname", true));

		String instance = instance(request);

		assertThat(requests.get(request.ref()).facts().rdnsMatchesHostname()).isTrue();
		assertThat(requests.get(request.ref()).findings()).extracting(Finding::code)
			.doesNotContain("RDNS_NOT_MATCHING_HOSTNAME");
		assertThat(FormText.asRead(runtimeService.getVariable(instance, Variables.REVIEW_FINDINGS)))
			.doesNotContain("PTR name");
		assertThat(FormText.asRead(runtimeService.getVariable(instance, Variables.REQUEST_SUMMARY)))
			.contains("rDNS (PTR) matches the hostname: Yes");
	}

	private String instance(ContractTraffic.Request request) {
		return awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST).getProcessInstanceId();
	}

}
