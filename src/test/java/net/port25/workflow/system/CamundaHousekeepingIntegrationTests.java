package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.port25.workflow.infrastructure.IntegrationTest;

/**
 * The engine keeps its history in bounds and tells of what keeps failing: models must say
 * how long their history is kept, history cleanup runs in a nightly window, batches are
 * forgotten after a week, the history level keeps what staff did with tasks and no
 * variable history, and a failing job is retried over hours before it becomes an
 * incident.
 */
@IntegrationTest
class CamundaHousekeepingIntegrationTests {

	private static final String TEST_PROCESS = "housekeeping-test";

	@Autowired
	ProcessEngineConfiguration configuration;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	private Deployment deployment;

	@AfterEach
	void removeTheTestModel() {
		if (deployment != null) {
			repositoryService.deleteDeployment(deployment.getId(), true);
		}
	}

	@Test
	void keepsTheStaffHistoryLevelAndBatchesForAWeek() {
		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;

		assertThat(engine.getHistoryLevel().getName()).isEqualTo(StaffHistoryLevel.NAME);
		assertThat(engine.isEnforceHistoryTimeToLive()).isTrue();
		assertThat(engine.getBatchOperationHistoryTimeToLive()).isEqualTo("P7D");
	}

	@Test
	void keepsWhatStaffDidWithATaskButNoVariableHistory() {
		deployment = repositoryService.createDeployment()
			.addModelInstance(TEST_PROCESS + ".bpmn",
					Bpmn.createExecutableProcess(TEST_PROCESS)
						.camundaHistoryTimeToLiveString("P1D")
						.startEvent()
						.userTask("decide")
						.endEvent()
						.done())
			.deploy();
		String instance = runtimeService
			.startProcessInstanceByKey(TEST_PROCESS, Variables.createVariables().putValue("serviceId", "SVC-1"))
			.getId();
		Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();

		// the log is only written for an authenticated user, who needs a grant on the
		// test
		// model's tasks
		Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId("housekeeping-reviewer");
		grant.setResource(Resources.PROCESS_DEFINITION);
		grant.setResourceId(TEST_PROCESS);
		grant.addPermission(ProcessDefinitionPermissions.UPDATE_TASK);
		grant.addPermission(ProcessDefinitionPermissions.TASK_WORK);
		String grantId = authorizationService.saveAuthorization(grant).getId();
		identityService.setAuthentication("housekeeping-reviewer", List.of());
		try {
			taskService.claim(task.getId(), "housekeeping-reviewer");
			taskService.complete(task.getId(), Variables.createVariables().putValue("decision", "approve"));
		}
		finally {
			identityService.clearAuthentication();
			authorizationService.deleteAuthorization(grantId);
		}

		// what Tasklist shows as the task's history
		assertThat(historyService.createUserOperationLogQuery().taskId(task.getId()).list())
			.extracting(UserOperationLogEntry::getOperationType)
			.contains(UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
		assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
			.isEqualTo("housekeeping-reviewer");
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
	}

	@Test
	void schedulesHistoryCleanupInsideItsNightlyWindow() {
		List<Job> cleanup = historyService.findHistoryCleanupJobs();

		assertThat(cleanup).isNotEmpty().allSatisfy(job -> {
			LocalTime due = LocalTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
			assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
		});
	}

	@Test
	void refusesAModelThatDoesNotSayHowLongItsHistoryIsKept() {
		// the model API writes a time to live of its own unless told not to
		BpmnModelInstance withoutTimeToLive = Bpmn.createExecutableProcess(TEST_PROCESS)
			.camundaHistoryTimeToLiveString(null)
			.startEvent()
			.endEvent()
			.done();

		assertThatThrownBy(() -> repositoryService.createDeployment()
			.addModelInstance(TEST_PROCESS + ".bpmn", withoutTimeToLive)
			.deploy()).hasMessageContaining("History Time To Live");
	}

	@Test
	void retriesAFailedJobOverHoursRatherThanThreeTimesAtOnce() {
		deployment = repositoryService.createDeployment()
			.addModelInstance(TEST_PROCESS + ".bpmn",
					Bpmn.createExecutableProcess(TEST_PROCESS)
						.camundaHistoryTimeToLiveString("P1D")
						.startEvent()
						.serviceTask()
						.camundaAsyncBefore()
						.camundaExpression("${noSuchBean.fails()}")
						.endEvent()
						.done())
			.deploy();
		String instance = runtimeService.startProcessInstanceByKey(TEST_PROCESS).getId();
		Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
		Instant failedAt = Instant.now();

		assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("noSuchBean");

		Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
		// five more tries: after 1 min, 5 min, 15 min, 1 h and 4 h
		assertThat(retried.getRetries()).isEqualTo(5);
		assertThat(retried.getDuedate().toInstant()).isBetween(failedAt.plus(Duration.ofSeconds(50)),
				Instant.now().plus(Duration.ofSeconds(70)));
	}

}
