package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.StaffUsers;
import net.port25.workflow.infrastructure.StaffUsers.StaffUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff do every task of a request from Tasklist alone, in a real browser, against the
 * engine on PostgreSQL and Kafka: the request arrives over Kafka, a reviewer finds it by
 * its reference and approves it from what the form shows, the NOC opens the port from the
 * service and addresses on its form, a first abuse report is dismissed and a second one's
 * review opens empty and revokes. Every effect is read back from Kafka. Screenshots of
 * every step are kept in {@code target/tasklist-screenshots}; with
 * {@code -Dport25.docs.update=true} the README's pictures in {@code docs/tasklist} are
 * replaced by this run's.
 */
@IntegrationTest
class StaffInTasklistIntegrationTests extends EndToEnd {

	private static final Path SCREENSHOTS = Path.of("target", "tasklist-screenshots");

	private static final Path README_PICTURES = Path.of("docs", "tasklist");

	private static final List<Path> taken = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@BeforeAll
	static void needsChromium() {
		Assumptions.assumeTrue(TasklistBrowser.unavailable().isEmpty(),
				() -> "Skipped: no browser to drive: " + TasklistBrowser.unavailable().orElseThrow());
	}

	@Test
	void reviewerAndNocDoEveryTaskFromTasklistAlone() {
		// without an administrator the webapps open their set-up page instead of Tasklist
		StaffUsers.create(identityService, "admin", Groups.CAMUNDA_ADMIN);
		StaffUser reviewer = StaffUsers.create(identityService, "reviewer", Port25AccessProcess.GROUP_REVIEWERS);
		StaffUser noc = StaffUsers.create(identityService, "noc", Port25AccessProcess.GROUP_NOC);
		ContractTraffic.Request request = traffic.submit("submitted-cvirtual-template-text.json", (data) -> {
		});
		awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST);

		try (TasklistBrowser tasklist = TasklistBrowser.logIn(port, reviewer, SCREENSHOTS)) {
			reviewerApproves(tasklist, request);
		}
		assertThat(traffic.reply(request.ref(), 1, "port25.request.approved").at("/data/requestRef").asText())
			.isEqualTo(request.ref());

		try (TasklistBrowser tasklist = TasklistBrowser.logIn(port, noc, SCREENSHOTS)) {
			nocOpensThePort(tasklist, request);
		}
		assertThat(traffic.statuses(request.serviceId(), 4)).containsExactly("SUBMITTED", "IN_REVIEW", "APPROVED",
				"ENABLED");
		assertThat(traffic.reply(request.ref(), 2, "port25.access.enabled").at("/data/serviceId").asText())
			.isEqualTo(request.serviceId());

		traffic.abuse(request.serviceId(), "low", "blocklist", "Listed on one minor DNSBL");
		awaitTask(request, Port25AccessProcess.TASK_REVIEW_ABUSE);
		try (TasklistBrowser tasklist = TasklistBrowser.logIn(port, reviewer, SCREENSHOTS)) {
			reviewerDismisses(tasklist, request);
		}
		traffic.abuse(request.serviceId(), "medium", "spam", "Spam trap hits from the relay, 40 in an hour");
		awaitTask(request, Port25AccessProcess.TASK_REVIEW_ABUSE);
		try (TasklistBrowser tasklist = TasklistBrowser.logIn(port, reviewer, SCREENSHOTS)) {
			reviewerRevokesFromAnEmptySecondReview(tasklist, request);
		}

		JsonNode revoked = traffic.reply(request.ref(), 3, "port25.access.revoked");
		assertThat(revoked.at("/data/reasonCode").asText()).isEqualTo("abuse");
		assertThat(traffic.commands(request.serviceId(), 1)).extracting((command) -> command.get("type").asText())
			.containsExactly("port25.port.close");
		assertThat(traffic.all(topics.networkCommands(), request.serviceId()))
			.as("the NOC opened the port by hand, the dismissal closed nothing, the revocation closed it once")
			.hasSize(1);
	}

	private void reviewerApproves(TasklistBrowser tasklist, ContractTraffic.Request request) {
		assertThat(tasklist.navigationActions()).as("no process to start, no task to create")
			.noneMatch((action) -> action.contains("Start process") || action.contains("Create task"));
		tasklist.filter("Port 25 reviews").search(request.ref());
		assertThat(tasklist.cards()).singleElement()
			.asString()
			.startsWith("Review request " + request.ref() + ": cVirtual " + request.serviceId());
		tasklist.openCard(request.ref());
		assertThat(tasklist.unclaimedNotice()).isEqualTo("Claim this task (top right) to decide.");
		keep(tasklist.screenshot("01-review-found-by-reference"));

		tasklist.claim();
		assertThat(tasklist.unclaimedNotice()).isEmpty();
		assertThat(tasklist.form()).contains("Service ID / Device ID: " + request.serviceId())
			.contains("IP address(es): " + String.join(", ", request.ipAddresses()))
			.contains("Expected daily volume: 300", "Recipient type: own users or customers only",
					"DMARC configured: No", "SPF configured: Yes")
			.contains("The request as the customer wrote it", "Our order system runs its own MTA")
			.contains("Risk: ", "History of the request")
			.doesNotContain("OWN_CUSTOMERS", "true", "null");
		keep(tasklist.screenshot("02-review-request-form"));

		tasklist.choose("Reject").complete();
		assertThat(tasklist.fieldErrors()).containsExactly("Reason for the rejection: Field is required.");
		assertThat(tasklist.banners()).as("the field says it; no banner over the buttons").isEmpty();
		keep(tasklist.screenshot("03-reject-needs-a-reason"));

		// the reason's error goes with the reason: Complete is offered again
		tasklist.choose("Approve").complete();
		assertThat(tasklist.completionNotice()).isEqualTo("Review request " + request.ref() + ": cVirtual "
				+ request.serviceId() + ", customer " + request.customerId() + ": completed.");
		keep(tasklist.screenshot("04-review-approved"));
	}

	private void nocOpensThePort(TasklistBrowser tasklist, ContractTraffic.Request request) {
		tasklist.filter("Ports to open").openCard(request.ref()).claim();
		assertThat(tasklist.form()).contains("Service: cVirtual " + request.serviceId())
			.contains("Customer: " + request.customerId())
			.contains("Hostname: relay.example-shop.com")
			.contains("IP addresses to open: " + String.join(", ", request.ipAddresses()))
			.contains("Request: " + request.ref())
			.containsPattern("Approved by: reviewer-\\S+ on \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2} UTC");
		keep(tasklist.screenshot("05-port-to-open"));

		tasklist.complete();
		assertThat(tasklist.fieldErrors())
			.containsExactly("Port 25 is open for the IP addresses above: Field is required.");
		tasklist.tick("Port 25 is open").complete();
		assertThat(tasklist.completionNotice()).startsWith("Open port 25 " + request.ref()).endsWith(": completed.");
		keep(tasklist.screenshot("06-port-opened"));
	}

	private void reviewerDismisses(TasklistBrowser tasklist, ContractTraffic.Request request) {
		tasklist.filter("Abuse reviews").openCard(request.ref()).claim();
		assertThat(tasklist.form()).contains("Service: cVirtual " + request.serviceId())
			.contains("Customer: " + request.customerId(), "Request: " + request.ref())
			.containsPattern("Access: enabled since \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2} UTC")
			.contains("Severity: low", "Category: blocklist", "Evidence: Listed on one minor DNSBL")
			.containsPattern("Detected: \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2} UTC")
			.contains("No earlier abuse reports for this service");
		keep(tasklist.screenshot("07-first-abuse-review"));

		tasklist.choose("Dismiss").complete();
		assertThat(tasklist.fieldErrors()).containsExactly("Reason: Field is required.");
		tasklist.write("Reason", "One minor DNSBL only; the listing was removed the same day.").complete();
		assertThat(tasklist.completionNotice()).startsWith("Review abuse " + request.ref());
	}

	private void reviewerRevokesFromAnEmptySecondReview(TasklistBrowser tasklist, ContractTraffic.Request request) {
		tasklist.filter("Abuse reviews").openCard(request.ref()).claim();
		assertThat(tasklist.chosenOptions()).as("nothing chosen from the first review").isEmpty();
		assertThat(tasklist.written("Reason")).as("no reason from the first review").isEmpty();
		assertThat(tasklist.form()).contains("Severity: medium", "Category: spam")
			.contains("low blocklist on " + request.serviceId() + ", dismissed by reviewer-")
			.contains("One minor DNSBL only; the listing was removed the same day.");
		keep(tasklist.screenshot("08-second-abuse-review-opens-empty"));

		tasklist.choose("Revoke access").write("Reason", "Spam trap hits confirmed by the abuse desk.").complete();
		assertThat(tasklist.completionNotice()).startsWith("Review abuse " + request.ref());
		keep(tasklist.screenshot("09-access-revoked"));
	}

	private static void keep(Path screenshot) {
		taken.add(screenshot);
	}

	@AfterAll
	static void updateTheReadmePictures() throws IOException {
		if (!Boolean.getBoolean("port25.docs.update")) {
			return;
		}
		Files.createDirectories(README_PICTURES);
		for (Path screenshot : taken) {
			Files.copy(screenshot, README_PICTURES.resolve(screenshot.getFileName()),
					StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
