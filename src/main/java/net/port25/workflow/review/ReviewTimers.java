package net.port25.workflow.review;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The review's timer durations as ISO-8601 strings for the timer expressions of
 * {@code port25-access.bpmn} ({@code ${reviewTimers.escalateAfter()}}). Public because
 * the expression language calls it reflectively.
 */
@Component("reviewTimers")
public class ReviewTimers {

	private final ReviewProperties properties;

	ReviewTimers(ReviewProperties properties) {
		this.properties = properties;
	}

	public String escalateAfter() {
		return properties.escalateAfter().toString();
	}

	/** When a new review is due: when it is escalated if still undecided. */
	public Date dueDate() {
		return Date.from(ClockUtil.getCurrentTime().toInstant().plus(properties.escalateAfter()));
	}

}
