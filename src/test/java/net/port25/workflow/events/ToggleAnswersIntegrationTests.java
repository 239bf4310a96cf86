package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Readable;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, point 2 (contract 1.1): every toggle is answered, to its sender, never naming
 * another customer; the owner of a revoked device is told it was revoked, when, and why.
 */
@IntegrationTest
class ToggleAnswersIntegrationTests extends EndToEnd {

	@Autowired
	Requests requests;

	@Test
	void answersAToggleOfAnotherCustomersDeviceWithoutNamingItOrItsOwner() {
		ContractTraffic.Request request = approvedCMetal();
		String stranger = "C-STRANGER-" + System.nanoTime();

		traffic.toggle(request.serviceId(), stranger, true);

		JsonNode reply = traffic.reply(request.serviceId(), 1, "port25.toggle.refused");
		assertThat(reply.at("/data/customerId").asText()).isEqualTo(stranger);
		assertThat(reply.at("/data/reasonCode").asText()).isEqualTo("not-your-service");
		assertThat(reply.at("/data/requestRef").isMissingNode()).isTrue();
		assertThat(reply.at("/data/message").asText()).contains("could not find device " + request.serviceId())
			.doesNotContain(request.customerId(), request.ref());
		assertThat(reply.toString()).doesNotContain(request.customerId(), request.ref());
		assertThat(traffic.all(topics.networkCommands(), request.serviceId())).isEmpty();
		EndToEnd.assertReadable(reply);
	}

	@Test
	void answersAToggleOfAnUnknownDeviceTheSameWay() {
		String device = "DEV-UNKNOWN-" + System.nanoTime();

		traffic.toggle(device, "C-1", true);

		JsonNode reply = traffic.reply(device, 1, "port25.toggle.refused");
		assertThat(reply.at("/data/reasonCode").asText()).isEqualTo("not-your-service");
		assertThat(reply.at("/data/message").asText())
			.isEqualTo("Port 25 was not switched: we could not find device " + device + " in your account.");
	}

	@Test
	void tellsTheOwnerOfARevokedDeviceWhenItWasRevokedAndWhy() {
		ContractTraffic.Request request = approvedCMetal();
		traffic.toggle(request.serviceId(), request.customerId(), true);
		traffic.commands(request.serviceId(), 1);
		traffic.abuse(request.serviceId(), "critical", "spam", "12,000 messages to spam traps in 10 minutes");
		traffic.reply(request.ref(), 3, "port25.access.revoked");

		traffic.toggle(request.serviceId(), request.customerId(), true);

		JsonNode reply = traffic.reply(request.ref(), 4, "port25.toggle.refused");
		assertThat(reply.at("/data/reasonCode").asText()).isEqualTo("revoked");
		assertThat(reply.at("/data/requestRef").asText()).isEqualTo(request.ref());
		assertThat(reply.at("/data/channel").asText()).isEqualTo("dashboard");
		assertThat(reply.at("/data/message").asText())
			.contains("revoked on " + Readable.dateTime(requests.get(request.ref()).statusSince()))
			.contains("abuse reported by our monitoring")
			.doesNotContain("spam traps");
		assertThat(traffic.commands(request.serviceId(), 2)).extracting((command) -> command.get("type").asText())
			.containsExactly("port25.port.open", "port25.port.close");
		EndToEnd.assertReadable(reply);
	}

	@Test
	void tellsTheOwnerThatTheRequestIsNotApprovedYetOrThatStaffOpenThePort() {
		ContractTraffic.Request pending = traffic.submit("submitted-cmetal-incomplete.json", (data) -> {
		});
		traffic.reply(pending.ref(), 1, "port25.info.requested");
		ContractTraffic.Request colocation = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		awaitTask(colocation, Port25AccessProcess.TASK_REVIEW_REQUEST);

		traffic.toggle(pending.serviceId(), pending.customerId(), true);
		traffic.toggle(colocation.serviceId(), colocation.customerId(), true);

		JsonNode notApproved = traffic.reply(pending.ref(), 2, "port25.toggle.refused");
		assertThat(notApproved.at("/data/reasonCode").asText()).isEqualTo("not-approved");
		assertThat(notApproved.at("/data/message").asText()).contains("has not been approved yet");
		JsonNode byStaff = traffic.reply(colocation.ref(), 1, "port25.toggle.refused");
		assertThat(byStaff.at("/data/reasonCode").asText()).isEqualTo("opened-by-staff");
		assertThat(byStaff.at("/data/message").asText()).contains("opened and closed by our network team");
		EndToEnd.assertReadable(notApproved);
		EndToEnd.assertReadable(byStaff);
	}

}
