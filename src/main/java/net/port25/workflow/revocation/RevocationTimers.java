package net.port25.workflow.revocation;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The abuse review's timer durations as ISO-8601 strings for the timer expressions of
 * {@code port25-access.bpmn} ({@code ${revocationTimers.abuseReviewEscalatesAfter()}}).
 * Public because the expression language calls it reflectively.
 */
@Component("revocationTimers")
public class RevocationTimers {

	private final RevocationProperties properties;

	RevocationTimers(RevocationProperties properties) {
		this.properties = properties;
	}

	public String abuseReviewEscalatesAfter() {
		return properties.abuseReviewEscalatesAfter().toString();
	}

	/** When an abuse review is due: when it is escalated if still undecided. */
	public Date abuseReviewDueDate() {
		return Date.from(ClockUtil.getCurrentTime().toInstant().plus(properties.abuseReviewEscalatesAfter()));
	}

}
