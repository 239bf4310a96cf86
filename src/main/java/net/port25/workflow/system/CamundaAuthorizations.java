package net.port25.workflow.system;

import java.util.List;

import net.port25.workflow.Port25AccessProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With Camunda authorization on, staff groups may use Tasklist, see the port 25 process
 * and its history (Tasklist's task history and comments read it), and see and complete
 * the tasks they are candidates for (Camunda grants those per task); each group sees its
 * own filters ({@code staff.TasklistFilters}). So Tasklist shows each group only its own
 * tasks. The grants are created once and kept; an administrator may change or narrow them
 * in Admin, and a restart leaves them as they are.
 */
@Component
class CamundaAuthorizations {

	private static final Logger log = LoggerFactory.getLogger(CamundaAuthorizations.class);

	private final AuthorizationService authorizations;

	CamundaAuthorizations(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@EventListener(ApplicationReadyEvent.class)
	void grantStaffGroups() {
		for (String group : List.of(Port25AccessProcess.GROUP_REVIEWERS, Port25AccessProcess.GROUP_NOC,
				Port25AccessProcess.GROUP_LEADS)) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, Port25AccessProcess.PROCESS_KEY, Permissions.READ,
					Permissions.READ_HISTORY);
		}
	}

	/**
	 * Creates the grant unless the group has an authorization for the resource already:
	 * whatever an administrator made of it stays (the engine allows one per group and
	 * resource). Another node starting at the same moment may create it first; that is as
	 * good.
	 */
	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		if (exists(group, resource, resourceId)) {
			return;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		try {
			authorizations.saveAuthorization(authorization);
		}
		catch (ProcessEngineException ex) {
			if (!exists(group, resource, resourceId)) {
				throw ex;
			}
			log.info("Authorization of {} on {} {} was created by another node", group, resource.resourceName(),
					resourceId);
		}
	}

	private boolean exists(String group, Resource resource, String resourceId) {
		return authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
	}

}
