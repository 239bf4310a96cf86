package net.port25.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;

import net.port25.workflow.Port25AccessProcess.AbuseDecision;
import net.port25.workflow.Port25AccessProcess.ReviewDecision;
import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code bpmn/port25-access.bpmn} on an in-memory engine with the delegates
 * mocked: the model's own logic (gateways, boundary events, timers, the abuse subprocess)
 * in seconds. What the delegates do is tested on PostgreSQL in
 * {@code Port25AccessProcessIntegrationTests}.
 */
@Deployment(resources = "bpmn/port25-access.bpmn")
class Port25AccessProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-test.camunda.cfg.xml")
		.build();

	private final Deque<Boolean> completenessAnswers = new ArrayDeque<>();

	private String enablement = "STAFF_OPENS_PORT";

	private RuntimeService runtimeService;

	/** The instance under test. */
	private ProcessInstance instance;

	@BeforeEach
	void mockTheDelegates() {
		ProcessEngine processEngine = engine.getProcessEngine();
		runtimeService = processEngine.getRuntimeService();
		BpmnAwareTests.init(processEngine);
		delegate("checkCompletenessDelegate", (execution) -> execution.setVariable(Variables.REQUEST_COMPLETE,
				completenessAnswers.isEmpty() || completenessAnswers.pop()));
		delegate("approveRequestDelegate", (execution) -> {
			execution.setVariable(Variables.REQUEST_APPROVED, true);
			execution.setVariable(Variables.ENABLEMENT, enablement);
		});
		JavaDelegate notApproved = (execution) -> execution.setVariable(Variables.REQUEST_APPROVED, false);
		delegate("rejectRequestDelegate", notApproved);
		delegate("closeRequestDelegate", notApproved);
		for (String name : new String[] { "requestInformationDelegate", "sendReminderDelegate", "assessRiskDelegate",
				"escalateReviewDelegate", "enableAccessDelegate", "switchPortDelegate", "revokeAccessDelegate",
				"rejectRequestForAbuseDelegate", "withdrawRequestDelegate", "dismissAbuseDelegate",
				"refuseRequestDelegate", "escalatePortOpeningDelegate", "escalateAbuseReviewDelegate" }) {
			delegate(name, (execution) -> {
			});
		}
		for (String name : new String[] { "reviewRequestListener", "openPort25Listener", "reviewAbuseListener" }) {
			Mocks.register(name, (TaskListener) (task) -> {
			});
		}
		Mocks.register("intakeTimers", new Timers());
		Mocks.register("reviewTimers", new Timers());
		Mocks.register("enablementTimers", new Timers());
		Mocks.register("revocationTimers", new Timers());
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void reviewsACompleteRequestAndStaffOpenThePort() {
		submit();
		assertThat(instance).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);

		decide(ReviewDecision.APPROVE);
		assertThat(instance).isWaitingAt(Port25AccessProcess.TASK_OPEN_PORT_25);

		complete(task(instance), withVariables(Variables.OPENED, true));
		assertThat(instance).hasPassed("Task_ApproveRequest", "Task_EnableAccess")
			.isWaitingAt("Event_CustomerWithdrewEnabledAccess");
	}

	@Test
	void asksForMissingInformationUntilTheRequestIsComplete() {
		completenessAnswers.push(false);
		submit();
		assertThat(instance).hasPassed("Task_RequestInformation").isWaitingAt("Task_AwaitInformation");

		correlate(Port25AccessProcess.MESSAGE_INFORMATION_PROVIDED);
		assertThat(instance).hasPassed("Task_AssessRisk").isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
	}

	@Test
	void remindsACustomerWhoDoesNotAnswerAndKeepsWaiting() {
		completenessAnswers.push(false);
		submit();

		execute(job("Boundary_ReminderDue", instance));
		assertThat(instance).hasPassed("Task_SendReminder").isWaitingAt("Task_AwaitInformation");
	}

	@Test
	void closesARequestThatGetsNoAnswerInTime() {
		completenessAnswers.push(false);
		submit();

		execute(job("Boundary_NoAnswer", instance));
		assertThat(instance).hasPassed("Task_CloseRequest", "EndEvent_RequestNotGranted").isEnded();
	}

	@Test
	void rejectsARequestTheReviewerRejects() {
		submit();

		decide(ReviewDecision.REJECT);
		assertThat(instance).hasPassed("Task_RejectRequest", "EndEvent_RequestNotGranted").isEnded();
	}

	@Test
	void asksTheReviewersQuestionsAndReturnsToReview() {
		submit();

		decide(ReviewDecision.REQUEST_INFO);
		assertThat(instance).hasPassed("Task_RequestInformation").isWaitingAt("Task_AwaitInformation");

		correlate(Port25AccessProcess.MESSAGE_INFORMATION_PROVIDED);
		assertThat(instance).isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
	}

	@Test
	void escalatesAnOverdueReviewAndKeepsItOpen() {
		submit();

		execute(job("Boundary_ReviewOverdue", instance));
		assertThat(instance).hasPassed("Task_EscalateReview").isWaitingAt(Port25AccessProcess.TASK_REVIEW_REQUEST);
	}

	@Test
	void withdrawsAPendingRequest() {
		submit();

		correlate(Port25AccessProcess.MESSAGE_REQUEST_WITHDRAWN);
		assertThat(instance).hasPassed("Task_WithdrawRequest", "EndEvent_RequestWithdrawn").isEnded();
	}

	@Test
	void rejectsAPendingRequestForCriticalAbuse() {
		submit();

		correlate(Port25AccessProcess.MESSAGE_REJECT_REQUEST_FOR_ABUSE);
		assertThat(instance).hasPassed("Task_RejectRequestForAbuse", "EndEvent_RequestRejectedForAbuse").isEnded();
	}

	@Test
	void refusesAPendingRequestAtOnceWhateverTheReviewWouldDecide() {
		completenessAnswers.push(false);
		submit();

		correlate(Port25AccessProcess.MESSAGE_REFUSE_REQUEST);
		assertThat(instance).hasPassed("Task_RefuseRequest", "EndEvent_RequestRefused")
			.hasNotPassed("Task_AssessRisk")
			.isEnded();
	}

	@Test
	void escalatesAPortNotOpenedInTimeAndKeepsTheTaskOpen() {
		approved();

		execute(job("Boundary_PortOpeningOverdue", instance));
		assertThat(instance).hasPassed("Task_EscalatePortOpening", "EndEvent_PortOpeningEscalated")
			.isWaitingAt(Port25AccessProcess.TASK_OPEN_PORT_25);
	}

	@Test
	void escalatesAnUndecidedAbuseReviewAndKeepsItOpen() {
		approved();
		correlate(Port25AccessProcess.MESSAGE_ABUSE_REVIEW_REQUESTED);

		execute(job("Boundary_AbuseReviewOverdue", instance));
		assertThat(instance).hasPassed("Task_EscalateAbuseReview")
			.isWaitingAt(Port25AccessProcess.TASK_REVIEW_ABUSE, Port25AccessProcess.TASK_OPEN_PORT_25);
	}

	@Test
	void endsAnOpenAbuseReviewWhenTheCustomerWithdrawsSwitchableAccess() {
		enablement = "CUSTOMER_SWITCH";
		approved();
		correlate(Port25AccessProcess.MESSAGE_ABUSE_REVIEW_REQUESTED);
		assertThat(instance).isWaitingAt(Port25AccessProcess.TASK_REVIEW_ABUSE, "Gateway_AwaitCustomerSwitch");

		correlate(Port25AccessProcess.MESSAGE_REQUEST_WITHDRAWN);
		assertThat(instance).hasPassed("EndEvent_AccessWithdrawn", "Task_WithdrawRequest").isEnded();
	}

	@Test
	void withdrawsApprovedAccessBeforeStaffOpenedThePort() {
		approved();

		correlate(Port25AccessProcess.MESSAGE_REQUEST_WITHDRAWN);
		assertThat(instance).hasPassed("Task_WithdrawRequest").hasNotPassed("Task_EnableAccess").isEnded();
	}

	@Test
	void withdrawsEnabledAccess() {
		approved();
		complete(task(instance), withVariables(Variables.OPENED, true));

		correlate(Port25AccessProcess.MESSAGE_REQUEST_WITHDRAWN);
		assertThat(instance).hasPassed("Task_WithdrawRequest", "EndEvent_RequestWithdrawn").isEnded();
	}

	@Test
	void letsTheCMetalCustomerSwitchThePortAgainAndAgainUntilWithdrawn() {
		enablement = "CUSTOMER_SWITCH";
		approved();
		assertThat(instance).isWaitingAt("Gateway_AwaitCustomerSwitch");

		correlate(Port25AccessProcess.MESSAGE_TOGGLE_REQUESTED);
		correlate(Port25AccessProcess.MESSAGE_TOGGLE_REQUESTED);
		assertThat(instance).hasPassed("Task_SwitchPort").isWaitingAt("Gateway_AwaitCustomerSwitch");

		correlate(Port25AccessProcess.MESSAGE_REQUEST_WITHDRAWN);
		assertThat(instance).hasPassed("Task_WithdrawRequest").isEnded();
	}

	@Test
	void revokesGrantedAccessAtOnce() {
		approved();

		correlate(Port25AccessProcess.MESSAGE_REVOKE_ACCESS);
		assertThat(instance).hasPassed("Task_RevokeAccess").isNotEnded();

		execute(job());
		assertThat(instance).hasPassed("EndEvent_AccessRevoked").isEnded();
	}

	@Test
	void revokesAccessWhenTheAbuseReviewConfirmsAbuse() {
		approved();

		correlate(Port25AccessProcess.MESSAGE_ABUSE_REVIEW_REQUESTED);
		assertThat(instance).isWaitingAt(Port25AccessProcess.TASK_REVIEW_ABUSE, Port25AccessProcess.TASK_OPEN_PORT_25);

		complete(abuseReview(), withVariables(Variables.ABUSE_REVIEW_OUTCOME, AbuseDecision.REVOKE.value()));
		assertThat(instance).hasPassed("EndEvent_AbuseConfirmed", "Task_RevokeAccess");

		execute(job());
		assertThat(instance).hasPassed("EndEvent_AccessRevoked").isEnded();
	}

	@Test
	void keepsAccessWhenTheAbuseReviewDismissesTheReport() {
		approved();
		correlate(Port25AccessProcess.MESSAGE_ABUSE_REVIEW_REQUESTED);

		complete(abuseReview(), withVariables(Variables.ABUSE_REVIEW_OUTCOME, AbuseDecision.DISMISS.value()));
		assertThat(instance).hasPassed("Task_DismissAbuse", "EndEvent_AbuseDismissed")
			.hasNotPassed("Task_RevokeAccess")
			.isWaitingAt(Port25AccessProcess.TASK_OPEN_PORT_25);
	}

	private ProcessInstance submit() {
		instance = runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_REQUEST_SUBMITTED)
			.processInstanceBusinessKey("T-" + System.nanoTime())
			.correlateStartMessage();
		return instance;
	}

	private ProcessInstance approved() {
		submit();
		decide(ReviewDecision.APPROVE);
		return instance;
	}

	private void decide(ReviewDecision decision) {
		complete(task(instance), withVariables(Variables.REVIEW_OUTCOME, decision.value()));
	}

	private org.camunda.bpm.engine.task.Task abuseReview() {
		return task(Port25AccessProcess.TASK_REVIEW_ABUSE, instance);
	}

	private void correlate(String message) {
		runtimeService.createMessageCorrelation(message).correlateAll();
	}

	private static void delegate(String name, JavaDelegate delegate) {
		Mocks.register(name, delegate);
	}

	/** Every timer of the process, due at once when its job is executed. */
	public static class Timers {

		public String reminderAfter() {
			return "P3D";
		}

		public String expiresAfter() {
			return "P14D";
		}

		public String escalateAfter() {
			return "P2D";
		}

		public String abuseReviewEscalatesAfter() {
			return "PT4H";
		}

		public Date dueDate() {
			return new Date();
		}

		public Date abuseReviewDueDate() {
			return new Date();
		}

	}

}
