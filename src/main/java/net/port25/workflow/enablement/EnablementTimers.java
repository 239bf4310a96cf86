package net.port25.workflow.enablement;

import org.springframework.stereotype.Component;

/**
 * The enablement's timer durations as ISO-8601 strings for the timer expressions of
 * {@code port25-access.bpmn} ({@code ${enablementTimers.escalateAfter()}}). Public
 * because the expression language calls it reflectively.
 */
@Component("enablementTimers")
public class EnablementTimers {

	private final EnablementProperties properties;

	EnablementTimers(EnablementProperties properties) {
		this.properties = properties;
	}

	public String escalateAfter() {
		return properties.escalateAfter().toString();
	}

}
