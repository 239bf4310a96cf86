package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, point 8: a withdrawal during an abuse review closes the port at once;
 * openPort25 and reviewAbuse are escalated like reviewRequest; high abuse on a pending
 * request rejects it; history counts by IP address too.
 */
@IntegrationTest
class ProcessGapsIntegrationTests extends EndToEnd {

	@Autowired
	Requests requests;

	@Test
	void closesTheSwitchedOnPortAtOnceWhenTheCustomerWithdrawsDuringAnAbuseReview() {
		ContractTraffic.Request request = approvedCMetal();
		traffic.toggle(request.serviceId(), request.customerId(), true);
		traffic.commands(request.serviceId(), 1);
		traffic.abuse(request.serviceId(), "low", "spam", "two complaints");
		awaitTask(request, Port25AccessProcess.TASK_REVIEW_ABUSE);

		traffic.withdraw(request);

		List<JsonNode> commands = traffic.commands(request.serviceId(), 2);
		assertThat(commands).extracting((command) -> command.get("type").asText())
			.containsExactly("port25.port.open", "port25.port.close");
		ContractTraffic.awaitTrue(() -> requests.get(request.ref()).status() == AccessStatus.WITHDRAWN);
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request.ref()).count()).isZero();
	}

	@Test
	void escalatesAPortNotOpenedInTimeToTheLeads() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		complete(request, Port25AccessProcess.TASK_REVIEW_REQUEST, Map.of(Variables.DECISION, "approve"));
		String task = awaitTask(request, Port25AccessProcess.TASK_OPEN_PORT_25).getId();

		later(request, Duration.ofHours(8).plusMinutes(1));

		assertThat(taskService.getIdentityLinksForTask(task)).extracting(IdentityLink::getGroupId)
			.contains(Port25AccessProcess.GROUP_NOC, Port25AccessProcess.GROUP_LEADS);
		assertThat(taskService.createTaskQuery().taskId(task).singleResult().getPriority()).isEqualTo(90);
	}

	@Test
	void escalatesAnAbuseReviewLeftUndecidedToTheLeads() {
		ContractTraffic.Request request = approvedCMetal();
		traffic.abuse(request.serviceId(), "medium", "blocklist", "listed on one blocklist");
		String task = awaitTask(request, Port25AccessProcess.TASK_REVIEW_ABUSE).getId();

		later(request, Duration.ofHours(4).plusMinutes(1));

		assertThat(taskService.getIdentityLinksForTask(task)).extracting(IdentityLink::getGroupId)
			.contains(Port25AccessProcess.GROUP_REVIEWERS, Port25AccessProcess.GROUP_LEADS);
	}

	@Test
	void rejectsAPendingRequestForHighAbuseAsForCritical() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST);

		traffic.abuse(request.serviceId(), "high", "spam", "spam trap hits");

		JsonNode rejected = traffic.reply(request.ref(), 1, "port25.request.rejected");
		assertThat(rejected.at("/data/reasonCode").asText()).isEqualTo("abuse");
		assertThat(rejected.at("/data/message").asText()).contains("reported spam from " + request.serviceId())
			.doesNotContain("spam trap hits");
		EndToEnd.assertReadable(rejected);
		ContractTraffic.awaitTrue(() -> requests.get(request.ref()).status() == AccessStatus.REJECTED);
	}

	@Test
	void countsEarlierRevocationsAndAbuseReportsByIpAddressAndShowsEarlierRejections() {
		ContractTraffic.Request revoked = approvedCMetal();
		traffic.abuse(revoked.serviceId(), "critical", "spam", "spam run");
		traffic.reply(revoked.ref(), 3, "port25.access.revoked");
		ContractTraffic.Request rejected = traffic.submit("submitted-icolocation.json",
				(data) -> data.set("ipAddresses", json.valueToTree(List.of(revoked.ipAddresses().get(1)))));
		complete(rejected, Port25AccessProcess.TASK_REVIEW_REQUEST,
				Map.of(Variables.DECISION, "reject", Variables.REASON, "No abuse controls"));
		traffic.reply(rejected.ref(), 1, "port25.request.rejected");

		ContractTraffic.Request next = traffic.submit("submitted-icolocation.json",
				(data) -> data.set("ipAddresses", json.valueToTree(List.of(revoked.ipAddresses().get(1)))));

		String instance = awaitTask(next, Port25AccessProcess.TASK_REVIEW_REQUEST).getProcessInstanceId();
		assertThat(requests.get(next.ref()).findings()).extracting(Finding::code, Finding::severity)
			.contains(tuple("PREVIOUSLY_REVOKED", Finding.Severity.CRITICAL),
					tuple("PREVIOUSLY_REJECTED", Finding.Severity.INFO),
					tuple("PREVIOUS_ABUSE_REPORTS", Finding.Severity.WARNING));
		assertThat((String) runtimeService.getVariable(instance, Variables.REQUEST_HISTORY))
			.contains(revoked.ref() + " (cMetal " + revoked.serviceId() + "): revoked")
			.contains(rejected.ref() + " (iColocation " + rejected.serviceId() + "): rejected")
			.contains("(abuse)", "(policy)");
	}

}
