package net.port25.workflow.intake;

import org.springframework.stereotype.Component;

/**
 * The info loop's timer durations as ISO-8601 strings for the timer expressions of
 * {@code port25-access.bpmn} ({@code ${intakeTimers.reminderAfter()}}). Public because
 * the expression language calls it reflectively.
 */
@Component("intakeTimers")
public class IntakeTimers {

	private final IntakeProperties properties;

	IntakeTimers(IntakeProperties properties) {
		this.properties = properties;
	}

	public String reminderAfter() {
		return properties.infoReminderAfter().toString();
	}

	public String expiresAfter() {
		return properties.infoExpiresAfter().toString();
	}

}
