package net.port25.workflow;

import static net.port25.workflow.access.AccessStatus.APPROVED;
import static net.port25.workflow.access.AccessStatus.CLOSED;
import static net.port25.workflow.access.AccessStatus.DISABLED;
import static net.port25.workflow.access.AccessStatus.ENABLED;
import static net.port25.workflow.access.AccessStatus.IN_REVIEW;
import static net.port25.workflow.access.AccessStatus.REJECTED;
import static net.port25.workflow.access.AccessStatus.REVOKED;
import static net.port25.workflow.access.AccessStatus.SUBMITTED;
import static net.port25.workflow.access.AccessStatus.WITHDRAWN;
import static net.port25.workflow.access.CustomerNotice.Type.ACCESS_ENABLED;
import static net.port25.workflow.access.CustomerNotice.Type.ACCESS_REVOKED;
import static net.port25.workflow.access.CustomerNotice.Type.REMINDER_SENT;
import static net.port25.workflow.access.CustomerNotice.Type.REQUEST_APPROVED;
import static net.port25.workflow.access.CustomerNotice.Type.REQUEST_CLOSED;
import static net.port25.workflow.access.CustomerNotice.Type.REQUEST_REJECTED;
import static net.port25.workflow.access.CustomerNotice.Type.TOGGLE_REFUSED;
import static net.port25.workflow.access.PortCommand.Action.CLOSE;
import static net.port25.workflow.access.PortCommand.Action.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.enablement.CustomerSwitch;
import net.port25.workflow.enablement.ToggleRequested;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.RecordingPorts;
import net.port25.workflow.request.Requests;
import net.port25.workflow.intake.RequestWithdrawn;
import net.port25.workflow.revocation.AbuseDetected;
import net.port25.workflow.revocation.AbuseDetected.Category;
import net.port25.workflow.revocation.AbuseDetected.Severity;
import net.port25.workflow.revocation.AbuseHandling;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code bpmn/port25-access.bpmn}, driven through the engine's services on
 * PostgreSQL; what the engine says goes through the recorded ports. Each test uses its
 * own request and service ids.
 */
@IntegrationTest
class Port25AccessProcessIntegrationTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RecordingPorts ports;

	@Autowired
	Requests records;

	@Autowired
	AuditTrail audit;

	@Autowired
	CustomerSwitch customerSwitch;

	@Autowired
	AbuseHandling abuseHandling;

	@Autowired
	ProcessScenarios scenarios;

	@BeforeEach
	void initAssertions() {
		BpmnAwareTests.init(engine);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	// ---- intake and completeness

	@Test
	void approvesACompleteICOLOCATIONRequestAndEnablesItOnceStaffOpenedThePort() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(task(request)).hasCandidateGroup(Port25AccessProcess.GROUP_REVIEWERS);

		complete(request, Map.of(Variables.DECISION, "approve"));
		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_OPEN_PORT_25);
		assertThat(task(request)).hasCandidateGroup(Port25AccessProcess.GROUP_NOC);

		complete(request, Map.of(Variables.OPENED, true));
		assertThat(request.instance()).isWaitingAt("Event_CustomerWithdrewEnabledAccess");
		assertThat(ports.statusesOf(request.ref())).containsExactly(SUBMITTED, IN_REVIEW, APPROVED, ENABLED);
		assertThat(ports.noticeTypesFor(request.ref())).containsExactly(REQUEST_APPROVED, ACCESS_ENABLED);
		assertThat(ports.commandsFor(request.serviceId())).isEmpty();
	}

	@Test
	void approvesACVIRTUALRequestGivenAsTemplateTextAndEnablesIt() {
		ProcessScenarios.Request request = scenarios.submit("submitted-cvirtual-template-text.json");
		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);

		complete(request, Map.of(Variables.DECISION, "approve"));
		complete(request, Map.of(Variables.OPENED, true));

		assertThat(ports.statusesOf(request.ref())).containsExactly(SUBMITTED, IN_REVIEW, APPROVED, ENABLED);
	}

	@Test
	void approvesACMETALRequestLeavingThePortClosedForTheCustomerToSwitch() {
		ProcessScenarios.Request request = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		complete(request, Map.of(Variables.DECISION, "approve"));

		assertThat(request.instance()).isWaitingAt("Gateway_AwaitCustomerSwitch");
		assertThat(ports.statusesOf(request.ref())).containsExactly(SUBMITTED, AccessStatus.INFO_REQUESTED, IN_REVIEW,
				APPROVED);
		assertThat(ports.commandsFor(request.serviceId())).isEmpty();
	}

	@Test
	void asksTwiceForMissingInformationThenApproves() {
		ProcessScenarios.Request request = scenarios.submit("submitted-cmetal-incomplete.json");
		assertThat(request.instance()).isWaitingAt("Task_AwaitInformation");
		CustomerNotice firstAsk = ports.noticesFor(request.ref()).get(0);
		assertThat(firstAsk.type()).isEqualTo(CustomerNotice.Type.INFO_REQUESTED);
		assertThat(firstAsk.missingFields()).contains("application", "expectedDailyVolume", "dmarcConfigured")
			.doesNotContain("useCase", "spfConfigured");

		scenarios.answer(request, "{\"application\":\"Group mailing\",\"expectedDailyVolume\":150}");
		assertThat(request.instance()).isWaitingAt("Task_AwaitInformation");
		CustomerNotice secondAsk = ports.noticesFor(request.ref()).get(1);
		assertThat(secondAsk.missingFields()).doesNotContain("application", "expectedDailyVolume")
			.contains("dmarcConfigured");

		scenarios.answerFromExample(request, "info-provided-cmetal.json");
		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
		complete(request, Map.of(Variables.DECISION, "approve"));

		assertThat(ports.statusesOf(request.ref())).containsExactly(SUBMITTED, AccessStatus.INFO_REQUESTED, IN_REVIEW,
				APPROVED);
		assertThat(ports.noticeTypesFor(request.ref())).containsExactly(CustomerNotice.Type.INFO_REQUESTED,
				CustomerNotice.Type.INFO_REQUESTED, REQUEST_APPROVED);
	}

	@Test
	void remindsACustomerWhoDoesNotAnswerThenClosesTheRequest() {
		ProcessScenarios.Request request = scenarios.submit("submitted-cmetal-incomplete.json");

		moveClockBy(Duration.ofDays(3).plusMinutes(1));
		executeDueTimers(request);
		assertThat(request.instance()).isWaitingAt("Task_AwaitInformation");
		assertThat(ports.noticeTypesFor(request.ref())).containsExactly(CustomerNotice.Type.INFO_REQUESTED,
				REMINDER_SENT);

		moveClockBy(Duration.ofDays(14).plusMinutes(2));
		executeDueTimers(request);
		assertThat(request.instance()).isEnded().hasPassed("EndEvent_RequestClosed", "EndEvent_RequestNotGranted");
		assertThat(ports.noticeTypesFor(request.ref())).containsExactly(CustomerNotice.Type.INFO_REQUESTED,
				REMINDER_SENT, REQUEST_CLOSED);
		assertThat(ports.statusesOf(request.ref())).containsExactly(SUBMITTED, AccessStatus.INFO_REQUESTED, CLOSED);
	}

	@Test
	void parsesATemplateTextRequestIntoTheSameRecordAsTheStructuredOne() {
		ProcessScenarios.Request text = scenarios.submit("submitted-cvirtual-template-text.json");
		ProcessScenarios.Request structured = scenarios.submitStructuredTwinOfTemplateText();

		assertThat(records.get(text.ref()).facts()).usingRecursiveComparison()
			.ignoringFields("serviceId", "ipAddresses")
			.isEqualTo(records.get(structured.ref()).facts());
		assertThat(records.get(text.ref()).facts().serviceId()).isEqualTo(text.serviceId());
	}

	@Test
	void answersASecondRequestForTheSameServiceAsDuplicateAndStartsNothing() {
		ProcessScenarios.Request first = scenarios.submit("submitted-icolocation.json");
		String duplicateRef = scenarios.submitForService("submitted-icolocation.json", first.serviceId());

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(duplicateRef).count())
			.isZero();
		assertThat(ports.noticesFor(duplicateRef)).singleElement().satisfies(notice -> {
			assertThat(notice.type()).isEqualTo(REQUEST_REJECTED);
			assertThat(notice.reasonCode()).isEqualTo(ReasonCode.DUPLICATE);
		});
		assertThat(audit.forRequest(duplicateRef)).extracting("action").containsExactly(AuditAction.DUPLICATE_REFUSED);
	}

	// ---- review

	@Test
	void staffAskForMoreInformationAndTheRequestReturnsToReview() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		complete(request,
				Map.of(Variables.DECISION, "request-info", Variables.QUESTIONS, "Which IP will send the mail?"));
		assertThat(request.instance()).isWaitingAt("Task_AwaitInformation");
		assertThat(ports.noticesFor(request.ref()).get(0).questions()).contains("Which IP will send the mail?");

		scenarios.answer(request, "{\"notes\":\"198.51.100.25 only\"}");

		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(ports.statusesOf(request.ref())).containsExactly(SUBMITTED, IN_REVIEW, AccessStatus.INFO_REQUESTED,
				IN_REVIEW);
		assertThat(FormText.asRead(runtimeService.getVariable(request.instance().getId(), Variables.REQUEST_HISTORY)))
			.contains("review decided", "information provided");
	}

	@Test
	void rejectsWithTheReviewersReason() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");

		complete(request, Map.of(Variables.DECISION, "reject", Variables.REASON, "Bulk mail to purchased lists"));

		assertThat(request.instance()).isEnded().hasPassed("EndEvent_RequestRejected");
		assertThat(ports.noticesFor(request.ref())).singleElement()
			.satisfies(notice -> assertThat(notice.reason()).isEqualTo("Bulk mail to purchased lists"));
		assertThat(ports.statusesOf(request.ref())).endsWith(REJECTED);
	}

	@Test
	void refusesARejectionWithoutReason() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		Task review = task(request);

		assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(Variables.DECISION, "reject")))
			.hasMessageContaining("needs a reason");
		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
	}

	@Test
	void escalatesAnUndecidedReviewToTheLeads() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");

		moveClockBy(Duration.ofDays(2).plusMinutes(1));
		executeDueTimers(request);

		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(task(request)).hasCandidateGroup("port25-leads")
			.hasCandidateGroup(Port25AccessProcess.GROUP_REVIEWERS);
		assertThat(audit.forRequest(request.ref())).extracting("action").contains(AuditAction.TASK_ESCALATED);
	}

	// ---- withdrawal

	@Test
	void customerWithdrawsWhileAskedForInformation() {
		ProcessScenarios.Request request = scenarios.submit("submitted-cmetal-incomplete.json");
		withdraw(request);
		assertWithdrawnWithoutCommand(request);
	}

	@Test
	void customerWithdrawsDuringReview() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		withdraw(request);
		assertWithdrawnWithoutCommand(request);
	}

	@Test
	void customerWithdrawsBeforeStaffOpenedThePort() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		complete(request, Map.of(Variables.DECISION, "approve"));
		withdraw(request);
		assertWithdrawnWithoutCommand(request);
	}

	@Test
	void customerWithdrawsEnabledAccessAndThePortIsClosed() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		complete(request, Map.of(Variables.DECISION, "approve"));
		complete(request, Map.of(Variables.OPENED, true));

		withdraw(request);

		assertThat(request.instance()).isEnded().hasPassed("EndEvent_RequestWithdrawn");
		assertThat(ports.commandActionsFor(request.serviceId())).containsExactly(CLOSE);
		assertThat(ports.statusesOf(request.ref())).endsWith(ENABLED, WITHDRAWN);
	}

	@Test
	void customerWithdrawsSwitchableAccess() {
		ProcessScenarios.Request request = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		complete(request, Map.of(Variables.DECISION, "approve"));
		withdraw(request);
		assertWithdrawnWithoutCommand(request);
	}

	// ---- cMetal customer switch

	@Test
	void cMetalCustomerSwitchesThePortOnOffAndOnAgain() {
		ProcessScenarios.Request request = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		complete(request, Map.of(Variables.DECISION, "approve"));

		toggle(request, true);
		toggle(request, false);
		toggle(request, true);

		assertThat(request.instance()).isWaitingAt("Gateway_AwaitCustomerSwitch");
		assertThat(ports.commandActionsFor(request.serviceId())).containsExactly(OPEN, CLOSE, OPEN);
		assertThat(ports.statusesOf(request.ref())).endsWith(APPROVED, ENABLED, DISABLED, ENABLED);
	}

	@Test
	void refusesTheSwitchOfAnotherCustomersDevice() {
		ProcessScenarios.Request request = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		complete(request, Map.of(Variables.DECISION, "approve"));

		assertThat(customerSwitch.toggle(new ToggleRequested(request.serviceId(), "C-9999", true), "evt-other"))
			.hasValueSatisfying(refusal -> assertThat(refusal.reasonCode()).isEqualTo(ReasonCode.NOT_YOUR_SERVICE));
		assertThat(ports.commandsFor(request.serviceId())).isEmpty();
		assertThat(audit.forService(request.serviceId())).extracting("action").contains(AuditAction.TOGGLE_REFUSED);
	}

	@Test
	void refusesTheSwitchBeforeApprovalAndOnStaffOpenedServices() {
		ProcessScenarios.Request pending = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		ProcessScenarios.Request colocation = scenarios.submit("submitted-icolocation.json");
		complete(colocation, Map.of(Variables.DECISION, "approve"));

		assertThat(customerSwitch.toggle(new ToggleRequested(pending.serviceId(), pending.customerId(), true), "e1"))
			.hasValueSatisfying(refusal -> assertThat(refusal.reasonCode()).isEqualTo(ReasonCode.NOT_APPROVED));
		assertThat(
				customerSwitch.toggle(new ToggleRequested(colocation.serviceId(), colocation.customerId(), true), "e2"))
			.hasValueSatisfying(refusal -> assertThat(refusal.reasonCode()).isEqualTo(ReasonCode.OPENED_BY_STAFF));
		assertThat(ports.noticeTypesFor(pending.ref())).last().isEqualTo(TOGGLE_REFUSED);
		assertThat(ports.commandsFor(pending.serviceId())).isEmpty();
		assertThat(ports.commandsFor(colocation.serviceId())).isEmpty();
	}

	// ---- revocation

	@Test
	void criticalAbuseRevokesApprovedAccess() {
		ProcessScenarios.Request request = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		complete(request, Map.of(Variables.DECISION, "approve"));

		abuse(request.serviceId(), null, Severity.CRITICAL);

		assertRevoked(request);
		assertThat(ports.statusesOf(request.ref())).endsWith(APPROVED, REVOKED);
	}

	@Test
	void criticalAbuseRevokesEnabledAccessFoundByItsIpAddress() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		complete(request, Map.of(Variables.DECISION, "approve"));
		complete(request, Map.of(Variables.OPENED, true));

		abuse(null, records.get(request.ref()).ipAddresses().get(1), Severity.CRITICAL);

		assertRevoked(request);
		assertThat(ports.statusesOf(request.ref())).endsWith(ENABLED, REVOKED);
	}

	@Test
	void highAbuseRevokesSwitchedOnAccess() {
		ProcessScenarios.Request request = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		complete(request, Map.of(Variables.DECISION, "approve"));
		toggle(request, true);

		abuse(request.serviceId(), null, Severity.HIGH);

		assertRevoked(request);
		assertThat(ports.commandActionsFor(request.serviceId())).containsExactly(OPEN, CLOSE);
	}

	@Test
	void criticalAbuseDuringReviewRejectsThePendingRequest() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");

		abuse(request.serviceId(), null, Severity.CRITICAL);

		assertThat(request.instance()).isEnded().hasPassed("EndEvent_RequestRejectedForAbuse");
		assertThat(ports.statusesOf(request.ref())).endsWith(IN_REVIEW, REJECTED);
		assertThat(ports.noticesFor(request.ref())).singleElement()
			.satisfies(notice -> assertThat(notice.type()).isEqualTo(REQUEST_REJECTED));
	}

	@Test
	void lowAbuseDuringReviewBecomesAFindingForTheReviewer() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");

		abuse(request.serviceId(), null, Severity.LOW);

		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(records.get(request.ref()).findings()).extracting("code").contains("ABUSE_REPORTED");
		assertThat(FormText.asRead(runtimeService.getVariable(request.instance().getId(), Variables.REVIEW_FINDINGS)))
			.contains("low spam abuse: test evidence");
	}

	@Test
	void lowAbuseOnGrantedAccessIsReviewedAndDismissed() {
		ProcessScenarios.Request request = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		complete(request, Map.of(Variables.DECISION, "approve"));
		toggle(request, true);

		abuse(request.serviceId(), null, Severity.LOW);
		assertThat(request.instance()).isWaitingAt(Port25AccessProcess.TASK_REVIEW_ABUSE,
				"Gateway_AwaitCustomerSwitch");
		completeTask(request, Port25AccessProcess.TASK_REVIEW_ABUSE,
				Map.of(Variables.ABUSE_DECISION, "dismiss", Variables.REASON, "Listed by mistake"));

		assertThat(request.instance()).isWaitingAt("Gateway_AwaitCustomerSwitch").hasPassed("EndEvent_AbuseDismissed");
		assertThat(ports.statusesOf(request.ref())).endsWith(ENABLED);
		assertThat(audit.forRequest(request.ref())).extracting("action").contains(AuditAction.ABUSE_DISMISSED);
	}

	@Test
	void opensASecondAbuseReviewEmptyWithTheFirstOneInItsHistory() {
		ProcessScenarios.Request request = scenarios.submitComplete("submitted-cmetal-incomplete.json");
		complete(request, Map.of(Variables.DECISION, "approve"));
		toggle(request, true);
		abuse(request.serviceId(), null, Severity.LOW);
		completeTask(request, Port25AccessProcess.TASK_REVIEW_ABUSE,
				Map.of(Variables.ABUSE_DECISION, "dismiss", Variables.REASON, "Listed by mistake"));

		abuseHandling.handle(new AbuseDetected(request.serviceId(), null, Category.BLOCKLIST, Severity.MEDIUM,
				"second report", null), "evt-" + System.nanoTime());

		Task second = taskService.createTaskQuery()
			.processInstanceId(request.instance().getId())
			.taskDefinitionKey(Port25AccessProcess.TASK_REVIEW_ABUSE)
			.singleResult();
		// what Tasklist fills the form from
		VariableMap form = engine.getFormService().getTaskFormVariables(second.getId());
		assertThat(form.get(Variables.ABUSE_DECISION)).isNull();
		assertThat(form.get(Variables.REASON)).isNull();
		assertThat(FormText.asRead(form.get(Variables.ABUSE_REPORT))).contains("Category: blocklist",
				"Evidence: second report", "Access: enabled since");
		assertThat(FormText.asRead(form.get(Variables.ABUSE_HISTORY)))
			.contains("low spam on " + request.serviceId() + ", dismissed by ")
			.contains(": Listed by mistake");
		assertThat(runtimeService.getVariables(request.instance().getId())).doesNotContainKeys(Variables.ABUSE_DECISION,
				Variables.REASON, Variables.ABUSE_REVIEW_OUTCOME, Variables.DISMISSAL_REASON);
	}

	@Test
	void mediumAbuseOnGrantedAccessIsReviewedAndRevoked() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");
		complete(request, Map.of(Variables.DECISION, "approve"));
		complete(request, Map.of(Variables.OPENED, true));

		abuse(request.serviceId(), null, Severity.MEDIUM);
		completeTask(request, Port25AccessProcess.TASK_REVIEW_ABUSE,
				Map.of(Variables.ABUSE_DECISION, "revoke", Variables.REASON, "Confirmed spam run"));

		assertRevoked(request);
		assertThat(ports.noticesFor(request.ref())).last().satisfies(notice -> {
			assertThat(notice.reasonCode()).isEqualTo(ReasonCode.ABUSE);
			assertThat(notice.message()).contains("spam").doesNotContain("Confirmed spam run", "test evidence");
		});
	}

	@Test
	void abuseForAServiceWithoutRequestIsOnlyRecorded() {
		String serviceId = "VS-NONE-" + System.nanoTime();
		abuse(serviceId, null, Severity.CRITICAL);

		assertThat(audit.forService(serviceId)).singleElement().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo(AuditAction.ABUSE_REPORTED);
			assertThat(entry.actor()).isEqualTo(Actors.ABUSE_MONITOR);
			assertThat(entry.requestRef()).isNull();
			assertThat(entry.reason()).contains("critical spam abuse", "test evidence");
		});
		assertThat(ports.commandsFor(serviceId)).isEmpty();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(serviceId).count()).isZero();
	}

	// ---- helpers

	private Task task(ProcessScenarios.Request request) {
		return taskService.createTaskQuery().processInstanceId(request.instance().getId()).singleResult();
	}

	private void complete(ProcessScenarios.Request request, Map<String, Object> variables) {
		taskService.complete(task(request).getId(), variables);
	}

	private void completeTask(ProcessScenarios.Request request, String taskKey, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(request.instance().getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		taskService.complete(task.getId(), variables);
	}

	private void withdraw(ProcessScenarios.Request request) {
		scenarios.intake().withdraw(new RequestWithdrawn(request.ref(), "changed plans"), "evt-" + System.nanoTime());
	}

	private void toggle(ProcessScenarios.Request request, boolean enabled) {
		assertThat(customerSwitch.toggle(new ToggleRequested(request.serviceId(), request.customerId(), enabled),
				"evt-" + System.nanoTime()))
			.isEmpty();
	}

	private void abuse(String serviceId, String ipAddress, Severity severity) {
		abuseHandling.handle(new AbuseDetected(serviceId, ipAddress, Category.SPAM, severity, "test evidence", null),
				"evt-" + System.nanoTime());
	}

	private void assertWithdrawnWithoutCommand(ProcessScenarios.Request request) {
		assertThat(request.instance()).isEnded().hasPassed("EndEvent_RequestWithdrawn");
		assertThat(ports.statusesOf(request.ref())).endsWith(WITHDRAWN);
		assertThat(ports.commandsFor(request.serviceId())).isEmpty();
	}

	// the port is closed, the access revoked and the customer told in the revocation's
	// own transaction; the instance ends after it (asyncAfter), off the revocation's path
	private void assertRevoked(ProcessScenarios.Request request) {
		assertThat(ports.commandActionsFor(request.serviceId())).last().isEqualTo(CLOSE);
		assertThat(ports.noticeTypesFor(request.ref())).last().isEqualTo(ACCESS_REVOKED);
		assertThat(records.get(request.ref()).status()).isEqualTo(REVOKED);
		assertThat(request.instance()).hasPassed("Task_RevokeAccess").isNotEnded();

		managementService.executeJob(managementService.createJobQuery()
			.processInstanceId(request.instance().getId())
			.activityId("Task_RevokeAccess")
			.singleResult()
			.getId());
		assertThat(request.instance()).isEnded().hasPassed("EndEvent_AccessRevoked");
	}

	private void moveClockBy(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	private void executeDueTimers(ProcessScenarios.Request request) {
		for (Job job : managementService.createJobQuery()
			.processInstanceId(request.instance().getId())
			.timers()
			.executable()
			.list()) {
			managementService.executeJob(job.getId());
		}
	}

}
