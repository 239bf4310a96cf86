package net.port25.workflow.system;

import java.util.List;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.review.ReviewProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With Camunda authorization on, staff groups may use Tasklist, see the task filters and the port 25 process, and
 * see and complete the tasks they are candidates for (Camunda grants those per task). So Tasklist shows each group
 * only its own tasks. The grants are created once and kept; an administrator may change them in Admin.
 */
@Component
class CamundaAuthorizations {

	private final AuthorizationService authorizations;

	private final ReviewProperties review;

	CamundaAuthorizations(AuthorizationService authorizations, ReviewProperties review) {
		this.authorizations = authorizations;
		this.review = review;
	}

	@EventListener(ApplicationReadyEvent.class)
	void grantStaffGroups() {
		for (String group : List.of(Port25AccessProcess.GROUP_REVIEWERS, Port25AccessProcess.GROUP_NOC,
				review.leadGroup())) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ);
			grant(group, Resources.PROCESS_DEFINITION, Port25AccessProcess.PROCESS_KEY, Permissions.READ);
		}
	}

	private void grant(String group, Resource resource, String resourceId, Permission permission) {
		boolean granted = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.hasPermission(permission)
			.count() > 0;
		if (!granted) {
			Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
			authorization.addPermission(permission);
			authorizations.saveAuthorization(authorization);
		}
	}

}
