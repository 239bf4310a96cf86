package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.revocation.StaffRevocation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, points 5 and 6: what customers are told, for every reply type, with the
 * contract's reason codes, in words a person reads.
 */
@IntegrationTest
class CustomerTextsIntegrationTests extends EndToEnd {

	@Autowired
	StaffRevocation staffRevocation;

	@Test
	void approvalSaysWhoIsResponsibleAndThatAccessCanBeRevokedWithoutNoticeAndStaffTellWhenThePortIsOpen() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		complete(request, Port25AccessProcess.TASK_REVIEW_REQUEST, Map.of(Variables.DECISION, "approve"));
		complete(request, Port25AccessProcess.TASK_OPEN_PORT_25, Map.of(Variables.OPENED, true));

		List<JsonNode> replies = traffic.replies(request.ref(), 2);
		assertThat(replies).extracting((reply) -> reply.get("type").asText())
			.containsExactly("port25.request.approved", "port25.access.enabled");
		assertThat(replies.get(0).at("/data/message").asText())
			.contains("responsible for the security of the server", "authenticating everyone", "reputation")
			.contains("revoke port 25 access at any time and without notice");
		assertThat(replies.get(1).at("/data/message").asText()).contains("now open for iColocation")
			.contains(request.ipAddresses().get(0) + ", " + request.ipAddresses().get(1));
		replies.forEach(EndToEnd::assertReadable);
	}

	@Test
	void cMetalApprovalNamesTheDeviceAndHowToSwitch() {
		ContractTraffic.Request request = approvedCMetal();

		JsonNode approved = traffic.reply(request.ref(), 2, "port25.request.approved");

		assertThat(approved.at("/data/message").asText()).contains("cMetal device " + request.serviceId())
			.contains("use its Port 25 switch", "switch it off the same way");
		EndToEnd.assertReadable(approved);
	}

	@Test
	void reminderRepeatsTheQuestionsAndTheDateAndTheClosureSaysHowToApplyAgain() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json",
				(data) -> data.remove("hostname"));
		JsonNode asked = traffic.reply(request.ref(), 1, "port25.info.requested");

		later(request, Duration.ofDays(3).plusMinutes(1));
		JsonNode reminder = traffic.reply(request.ref(), 2, "port25.reminder.sent");
		later(request, Duration.ofDays(11));
		JsonNode closed = traffic.reply(request.ref(), 3, "port25.request.closed");

		assertThat(reminder.at("/data/questions").asText()).isEqualTo(asked.at("/data/questions").asText())
			.contains("hostname");
		String due = asked.at("/data/message")
			.asText()
			.replaceAll("(?s).*questions below by ([0-9]+ [A-Za-z]+ [0-9]{4}).*", "$1");
		assertThat(reminder.at("/data/message").asText()).contains("Please answer by " + due);
		assertThat(closed.at("/data/reasonCode").asText()).isEqualTo("no-answer");
		assertThat(closed.at("/data/message").asText()).contains("by " + due).contains("submit a new request");
		List.of(asked, reminder, closed).forEach(EndToEnd::assertReadable);
	}

	@Test
	void revocationForAbuseSaysWhatWasReportedAndWhenButNeverTheMonitorsEvidence() {
		ContractTraffic.Request request = approvedCMetal();
		traffic.toggle(request.serviceId(), request.customerId(), true);
		traffic.commands(request.serviceId(), 1);

		traffic.abuse(request.serviceId(), "high", "compromise", "botnet C2 beacon to 198.18.0.66 at 03:12");

		JsonNode revoked = traffic.reply(request.ref(), 3, "port25.access.revoked");
		assertThat(revoked.at("/data/reasonCode").asText()).isEqualTo("abuse");
		assertThat(revoked.at("/data/message").asText()).contains("signs that the server has been compromised")
			.contains("was revoked on")
			.contains("submit a new request")
			.doesNotContain("botnet", "198.18.0.66");
		assertThat(revoked.at("/data/reason").asText()).doesNotContain("botnet");
		EndToEnd.assertReadable(revoked);
	}

	@Test
	void staffRevocationGivesTheStaffsReasonAndWhen() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		complete(request, Port25AccessProcess.TASK_REVIEW_REQUEST, Map.of(Variables.DECISION, "approve"));
		awaitTask(request, Port25AccessProcess.TASK_OPEN_PORT_25);

		assertThat(staffRevocation.revoke(request.serviceId(), "the contract for this server ended", "reviewer"))
			.isEmpty();

		JsonNode revoked = traffic.reply(request.ref(), 2, "port25.access.revoked");
		assertThat(revoked.at("/data/reasonCode").asText()).isEqualTo("policy");
		assertThat(revoked.at("/data/message").asText()).contains("was revoked on")
			.contains("Reason: the contract for this server ended")
			.contains("submit a new request");
		EndToEnd.assertReadable(revoked);
	}

	@Test
	void staffRejectionCarriesTheReviewersReasonTheCodeAndHowToApplyAgain() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});

		complete(request, Port25AccessProcess.TASK_REVIEW_REQUEST,
				Map.of(Variables.DECISION, "reject", Variables.REASON, "We could not verify the sending domain"));

		JsonNode rejected = traffic.reply(request.ref(), 1, "port25.request.rejected");
		assertThat(rejected.at("/data/reasonCode").asText()).isEqualTo("policy");
		assertThat(rejected.at("/data/reason").asText()).isEqualTo("We could not verify the sending domain");
		// without the reference, whose random digits may hold 587
		// (T-E2E-48-17840810093587 did)
		assertThat(rejected.at("/data/message").asText().replace(request.ref(), "<ref>"))
			.contains("We could not verify the sending domain")
			.contains("submit a new request")
			.doesNotContain("587");
		EndToEnd.assertReadable(rejected);
	}

	@Test
	void aSecondRequestForTheServiceIsRefusedAsADuplicateWithItsCode() {
		ContractTraffic.Request first = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		awaitTask(first, Port25AccessProcess.TASK_REVIEW_REQUEST);

		ContractTraffic.Request second = traffic.submit("submitted-icolocation.json",
				(data) -> data.put("serviceId", first.serviceId()));

		JsonNode refused = traffic.reply(second.ref(), 1, "port25.request.rejected");
		assertThat(refused.at("/data/reasonCode").asText()).isEqualTo("duplicate");
		assertThat(refused.at("/data/message").asText()).contains("already has an open port 25 request")
			.doesNotContain(first.ref());
		EndToEnd.assertReadable(refused);
	}

	@Test
	void aRequestWhoseDataIsRefusedIsAnsweredInWordsThatNameTheFieldButNoEnumNullOrPlaceholder() {
		ContractTraffic.Request wrongValues = traffic.submit("submitted-icolocation.json",
				(data) -> data.put("serviceType", "CMETAL").put("expectedDailyVolume", "300"));
		ContractTraffic.Request absentAsNull = traffic.submit("submitted-icolocation.json",
				(data) -> data.putNull("serviceId"));

		JsonNode wrong = traffic.reply(wrongValues.ref(), 1, "port25.request.invalid");
		JsonNode absent = traffic.reply(absentAsNull.ref(), 1, "port25.request.invalid");

		assertThat(wrong.at("/data/customerId").asText()).isEqualTo(wrongValues.customerId());
		assertThat(wrong.at("/data/message").asText()).startsWith("Your port 25 request could not be registered: ")
			.contains("serviceType", "CMETAL", "expectedDailyVolume")
			.endsWith("Please correct it and send it again.");
		assertThat(absent.at("/data/message").asText()).contains("serviceId");
		List.of(wrong, absent).forEach(EndToEnd::assertReadable);
	}

}
