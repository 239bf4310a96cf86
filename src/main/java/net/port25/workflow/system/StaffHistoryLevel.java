package net.port25.workflow.system;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda's history level {@code port25}: what {@code activity} keeps (process, activity
 * and task instances: what ran, and who completed which task), plus what staff and
 * operators look back at: the user operation log, which Tasklist shows as a task's
 * history (who claimed, assigned, completed it), and incidents. Not {@code audit} or
 * {@code full}: who decided what and why is the application's own audit trail
 * ({@code audit_entry}), so the history of every variable would only double it, at about
 * a quarter of the engine's inserts per request (bench). The log is written for
 * authenticated users only (Camunda's default), so events from Kafka add nothing to it.
 */
final class StaffHistoryLevel implements HistoryLevel {

	static final String NAME = "port25";

	/** Stored in the database; Camunda's own levels are 0 to 3. */
	static final int ID = 25;

	@Override
	public int getId() {
		return ID;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
		return HistoryLevel.HISTORY_LEVEL_ACTIVITY.isHistoryEventProduced(eventType, entity)
				|| eventType == HistoryEventTypes.USER_OPERATION_LOG
				|| HistoryEventTypes.INCIDENT_CREATE.getEntityType().equals(eventType.getEntityType());
	}

}
