package net.port25.workflow.revocation;

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

}
