package net.port25.workflow.staff;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A staff task's outcome (its form fields) is the task's own: declared task-local when
 * the task is created, so that Tasklist's form keeps it there and the next task's form
 * never opens pre-filled with it. A client that completes the task through the engine
 * REST API puts the values on the process instead: they are taken from there and removed.
 */
public final class TaskOutcome {

	private TaskOutcome() {
	}

	/** Makes the form's fields the task's own variables, empty. */
	public static void declare(DelegateTask task, String... fields) {
		for (String field : fields) {
			task.setVariableLocal(field, null);
		}
	}

	/**
	 * The value the staff member gave for the field, and the process no longer holds it.
	 * Tasklist's form sets the task's own variable; a completion through
	 * {@code TaskService.complete} or the engine REST API sets the process's instead,
	 * which then wins over the task's default.
	 */
	public static Object take(DelegateTask task, String field) {
		if (task.getExecution().hasVariable(field)) {
			Object given = task.getExecution().getVariable(field);
			task.getExecution().removeVariable(field);
			return given;
		}
		return task.getVariableLocal(field);
	}

	/** The field's value as text, or null. */
	public static String text(DelegateTask task, String field) {
		return take(task, field) instanceof String text ? text : null;
	}

}
