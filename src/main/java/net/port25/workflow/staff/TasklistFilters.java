package net.port25.workflow.staff;

import java.util.List;
import java.util.Map;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared Tasklist filters each staff group works from: its tasks, the most urgent
 * (the earliest due, that is the closest to escalation) first, each card showing the
 * request, the service and the customer. Created at start-up if missing, by one node at a
 * time; a filter an administrator has changed is left as it is.
 */
@Component
class TasklistFilters {

	/** One filter: its name, the task it lists, the groups that see it. */
	record StaffFilter(String name, String taskKey, String description, int priority, List<String> groups) {
	}

	static final List<StaffFilter> FILTERS = List.of(
			new StaffFilter("Port 25 reviews", Port25AccessProcess.TASK_REVIEW_REQUEST,
					"Requests for port 25 to approve, reject or ask about", 10,
					List.of(Port25AccessProcess.GROUP_REVIEWERS, Port25AccessProcess.GROUP_LEADS)),
			new StaffFilter("Abuse reviews", Port25AccessProcess.TASK_REVIEW_ABUSE,
					"Low and medium abuse reports on granted access: revoke or dismiss", 20,
					List.of(Port25AccessProcess.GROUP_REVIEWERS, Port25AccessProcess.GROUP_LEADS)),
			new StaffFilter("Ports to open", Port25AccessProcess.TASK_OPEN_PORT_25,
					"Approved services whose port 25 staff open on the device", 30,
					List.of(Port25AccessProcess.GROUP_NOC, Port25AccessProcess.GROUP_LEADS)));

	static final List<Map<String, String>> CARD_VARIABLES = List.of(
			Map.of("name", Variables.REQUEST_REF, "label", "Request"),
			Map.of("name", Variables.SERVICE_ID, "label", "Service"),
			Map.of("name", Variables.SERVICE_TYPE, "label", "Service type"),
			Map.of("name", Variables.CUSTOMER_ID, "label", "Customer"));

	// any number, the same on every node: the nodes create the filters one at a time
	private static final long CREATION_LOCK = 0x706f72743235L;

	private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizations;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizations,
			JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizations = authorizations;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createMissingFilters() {
		transaction.executeWithoutResult((status) -> {
			jdbc.queryForList("select pg_advisory_xact_lock(?)", CREATION_LOCK);
			FILTERS.stream().filter(this::isMissing).forEach(this::create);
		});
	}

	private boolean isMissing(StaffFilter wanted) {
		return filterService.createTaskFilterQuery().filterName(wanted.name()).count() == 0;
	}

	private void create(StaffFilter wanted) {
		Filter filter = filterService.newTaskFilter(wanted.name())
			.setQuery(taskService.createTaskQuery()
				.processDefinitionKey(Port25AccessProcess.PROCESS_KEY)
				.taskDefinitionKey(wanted.taskKey())
				.orderByDueDate()
				.asc()
				.orderByTaskCreateTime()
				.asc())
			.setProperties(Map.of("description", wanted.description(), "priority", wanted.priority(), "refresh", true,
					"variables", CARD_VARIABLES));
		filterService.saveFilter(filter);
		for (String group : wanted.groups()) {
			Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			read.setGroupId(group);
			read.setResource(Resources.FILTER);
			read.setResourceId(filter.getId());
			read.addPermission(Permissions.READ);
			authorizations.saveAuthorization(read);
		}
		log.info("Tasklist filter '{}' created for {}", wanted.name(), wanted.groups());
	}

}
