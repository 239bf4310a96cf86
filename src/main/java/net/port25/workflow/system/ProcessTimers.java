package net.port25.workflow.system;

import net.port25.workflow.intake.IntakeProperties;
import net.port25.workflow.review.ReviewProperties;
import org.springframework.stereotype.Component;

/**
 * The process's timer durations as ISO-8601 strings, for the timer expressions in
 * {@code port25-access.bpmn} ({@code ${timers.infoReminderAfter()}}); the values come
 * from typed configuration. Public because the expression language calls its methods
 * reflectively.
 */
@Component("timers")
public class ProcessTimers {

	private final IntakeProperties intake;

	private final ReviewProperties review;

	ProcessTimers(IntakeProperties intake, ReviewProperties review) {
		this.intake = intake;
		this.review = review;
	}

	public String infoReminderAfter() {
		return intake.infoReminderAfter().toString();
	}

	public String infoExpiresAfter() {
		return intake.infoExpiresAfter().toString();
	}

	public String reviewEscalatesAfter() {
		return review.escalateAfter().toString();
	}

}
