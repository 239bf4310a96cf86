package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, point 1: answers are taken only while the process waits for one; the approved
 * service id and IP addresses never change afterwards; an answer that collides with
 * another live request is answered as a duplicate.
 */
@IntegrationTest
class FactsFrozenAtApprovalIntegrationTests extends EndToEnd {

	@Autowired
	Requests requests;

	@Test
	void refusesAnAnswerNobodyAskedForAndKeepsTheFactsAsReviewed() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST);

		traffic.answer(request, (fields) -> fields.putArray("ipAddresses").add("203.0.113.250"), null);

		JsonNode reply = traffic.reply(request.ref(), 1, "port25.request.not-open");
		assertThat(reply.at("/data/reason").asText()).contains("did not ask for information");
		assertThat(requests.get(request.ref()).ipAddresses()).isEqualTo(request.ipAddresses());
		EndToEnd.assertReadable(reply);
	}

	@Test
	void switchesOnlyTheApprovedAddressesWhateverAnAnswerSaysAfterwards() {
		ContractTraffic.Request request = approvedCMetal();

		traffic.answer(request, (fields) -> fields.putArray("ipAddresses").add("203.0.113.250"), null);
		traffic.reply(request.ref(), 3, "port25.request.not-open");
		traffic.toggle(request.serviceId(), request.customerId(), true);

		JsonNode open = traffic.commands(request.serviceId(), 1).get(0);
		assertThat(open.get("type").asText()).isEqualTo("port25.port.open");
		assertThat(open.at("/data/ipAddresses")).extracting(JsonNode::asText)
			.containsExactlyElementsOf(request.ipAddresses());
		assertThat(requests.get(request.ref()).approvedIpAddresses()).isEqualTo(request.ipAddresses());
	}

	@Test
	void answersAnAnswerThatNamesAnotherLiveRequestsServiceAsADuplicate() {
		ContractTraffic.Request live = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		awaitTask(live, Port25AccessProcess.TASK_REVIEW_REQUEST);
		ContractTraffic.Request asking = traffic.submit("submitted-icolocation.json",
				(data) -> data.remove("hostname"));
		traffic.reply(asking.ref(), 1, "port25.info.requested");

		traffic.answer(asking, (fields) -> fields.put("serviceId", live.serviceId()).put("hostname", "mx9.example.net"),
				null);

		JsonNode reply = traffic.reply(asking.ref(), 2, "port25.request.rejected");
		assertThat(reply.at("/data/reasonCode").asText()).isEqualTo("duplicate");
		assertThat(reply.at("/data/message").asText()).doesNotContain(live.ref(), live.customerId());
		ContractTraffic.awaitTrue(() -> requests.get(asking.ref()).status() == AccessStatus.REJECTED);
		assertThat(requests.get(live.ref()).status()).isEqualTo(AccessStatus.IN_REVIEW);
		assertThat(traffic.all(topics.requests() + TopicsProperties.DEAD_LETTER_SUFFIX, asking.ref())).isEmpty();
		EndToEnd.assertReadable(reply);
	}

}
