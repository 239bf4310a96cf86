package net.port25.workflow.staff;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A staff task's outcome (its form fields) as Tasklist's form and the engine REST API
 * give it: they set the values on the process when they complete the task, and the task's
 * listener takes them from there in the same transaction, so that they are never written
 * and the next task's form never opens pre-filled with them. The fields are not declared
 * on the task beforehand: four empty variables of every review were a quarter of the
 * engine's variable rows of a new request (bench).
 */
public final class TaskOutcome {

	private TaskOutcome() {
	}

	/**
	 * Removes from the process what a client set for the form's fields without completing
	 * a task (the engine REST API's variables endpoints), so that the form opens empty.
	 */
	public static void clear(DelegateTask task, String... fields) {
		for (String field : fields) {
			task.getExecution().removeVariable(field);
		}
	}

	/**
	 * The value the staff member gave for the field, and the process no longer holds it.
	 * A value set on the task itself ({@code localVariables}) is taken where the process
	 * has none.
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
