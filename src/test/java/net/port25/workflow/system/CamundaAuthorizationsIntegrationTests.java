package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.ProcessScenarios;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With Camunda authorization on, each staff group sees its own tasks in Tasklist and no
 * others.
 */
@IntegrationTest
class CamundaAuthorizationsIntegrationTests {

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	ProcessScenarios scenarios;

	@Autowired
	CamundaAuthorizations grants;

	@AfterEach
	void logOut() {
		identityService.clearAuthentication();
	}

	@Test
	void showsReviewersOnlyReviewsAndTheNocOnlyPortsToOpen() {
		ProcessScenarios.Request inReview = scenarios.submit("submitted-icolocation.json");
		ProcessScenarios.Request approved = scenarios.submit("submitted-icolocation.json");
		taskService.complete(taskOf(approved).getId(), Map.of(Port25AccessProcess.Variables.DECISION, "approve"));

		List<String> reviewerSees = tasksSeenBy("reviewer-" + System.nanoTime(), Port25AccessProcess.GROUP_REVIEWERS);
		List<String> nocSees = tasksSeenBy("noc-" + System.nanoTime(), Port25AccessProcess.GROUP_NOC);

		assertThat(reviewerSees).contains(taskOf(inReview).getId()).doesNotContain(taskOf(approved).getId());
		assertThat(nocSees).contains(taskOf(approved).getId()).doesNotContain(taskOf(inReview).getId());
	}

	@Test
	void letsStaffGroupsIntoTasklistOnly() {
		for (String group : List.of(Port25AccessProcess.GROUP_REVIEWERS, Port25AccessProcess.GROUP_NOC)) {
			identityService.setAuthentication("someone-" + System.nanoTime(), List.of(group));
			assertThat(authorizationService.isUserAuthorized(identityService.getCurrentAuthentication().getUserId(),
					List.of(group), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
				.as(group)
				.isTrue();
			assertThat(authorizationService.isUserAuthorized(identityService.getCurrentAuthentication().getUserId(),
					List.of(group), Permissions.ACCESS, Resources.APPLICATION, "admin"))
				.as(group)
				.isFalse();
		}
	}

	@Test
	void letsStaffGroupsReadTheProcessAndItsHistory() {
		for (String group : List.of(Port25AccessProcess.GROUP_REVIEWERS, Port25AccessProcess.GROUP_NOC,
				Port25AccessProcess.GROUP_LEADS)) {
			for (Permissions permission : List.of(Permissions.READ, Permissions.READ_HISTORY)) {
				assertThat(authorizationService.isUserAuthorized("someone-" + System.nanoTime(), List.of(group),
						permission, Resources.PROCESS_DEFINITION, Port25AccessProcess.PROCESS_KEY))
					.as(group + " " + permission)
					.isTrue();
			}
		}
	}

	@Test
	void keepsWhatAnAdministratorMadeOfAGrantWhenItStartsAgain() {
		Authorization leadsTasklist = authorizationService.createAuthorizationQuery()
			.groupIdIn(Port25AccessProcess.GROUP_LEADS)
			.resourceType(Resources.APPLICATION)
			.resourceId("tasklist")
			.singleResult();
		leadsTasklist.removePermission(Permissions.ACCESS);
		authorizationService.saveAuthorization(leadsTasklist);
		try {
			grants.grantStaffGroups();

			Authorization afterRestart = authorizationService.createAuthorizationQuery()
				.groupIdIn(Port25AccessProcess.GROUP_LEADS)
				.resourceType(Resources.APPLICATION)
				.resourceId("tasklist")
				.singleResult();
			assertThat(afterRestart.isPermissionGranted(Permissions.ACCESS)).isFalse();
		}
		finally {
			authorizationService.deleteAuthorization(leadsTasklist.getId());
			grants.grantStaffGroups();
		}
		assertThat(authorizationService.isUserAuthorized("lead-" + System.nanoTime(),
				List.of(Port25AccessProcess.GROUP_LEADS), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
			.isTrue();
	}

	/** What the user's Tasklist lists: every task of every filter the user may read. */
	private List<String> tasksSeenBy(String userId, String group) {
		Filter allTasks = filterService.newTaskFilter("All tasks of " + userId);
		allTasks.setQuery(taskService.createTaskQuery());
		allTasks.setOwner(userId);
		filterService.saveFilter(allTasks);
		identityService.setAuthentication(userId, List.of(group));
		try {
			List<Task> seen = filterService.list(allTasks.getId());
			return seen.stream().map(Task::getId).toList();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private Task taskOf(ProcessScenarios.Request request) {
		return taskService.createTaskQuery().processInstanceId(request.instance().getId()).singleResult();
	}

}
