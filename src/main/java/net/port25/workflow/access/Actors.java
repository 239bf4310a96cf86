package net.port25.workflow.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who did something, for the audit trail and {@code port25.access.changed}. */
public final class Actors {

	/** The engine itself: timers, decisions and automatic steps. */
	public static final String ENGINE = "port25-workflow";

	public static final String ABUSE_MONITOR = "abuse-monitor";

	/** The provisioning system, through the inventory. */
	public static final String INVENTORY = "inventory";

	private static final String CUSTOMER_PREFIX = "customer:";

	private Actors() {
	}

	public static String customer(String customerId) {
		return CUSTOMER_PREFIX + customerId;
	}

	/** Whether the actor is a customer (rather than staff, the engine or a monitor). */
	public static boolean isCustomer(String actor) {
		return actor != null && actor.startsWith(CUSTOMER_PREFIX);
	}

	/**
	 * The staff member completing a task: the logged-in user, else the assignee, else the
	 * engine.
	 */
	public static String staff(DelegateTask task) {
		String user = currentUser(task.getProcessEngineServices().getIdentityService());
		if (user != null) {
			return user;
		}
		return task.getAssignee() != null ? task.getAssignee() : ENGINE;
	}

	/**
	 * The actor the step was triggered by, carried in the {@code actor} variable, else
	 * the engine.
	 */
	public static String of(VariableScope scope, String variable) {
		Object actor = scope.getVariable(variable);
		return actor instanceof String name && !name.isBlank() ? name : ENGINE;
	}

	private static String currentUser(IdentityService identityService) {
		Authentication authentication = identityService.getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

}
