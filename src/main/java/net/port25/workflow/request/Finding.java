package net.port25.workflow.request;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Something a reviewer should weigh: from the risk decision
 * ({@code PUBLIC_RECIPIENTS_WITHOUT_OPT_IN}, ...) or from an abuse report while the
 * request was pending ({@link #ABUSE_REPORTED}).
 */
public record Finding(String code, Severity severity, String description) {

	/**
	 * The code of a finding that an abuse report made; every other code is the risk
	 * decision's.
	 */
	public static final String ABUSE_REPORTED = "ABUSE_REPORTED";

	public enum Severity {

		INFO, WARNING, CRITICAL

	}

	public static Finding abuseReported(Severity severity, String description) {
		return new Finding(ABUSE_REPORTED, severity, description);
	}

	/** Made by an abuse report, so kept when the risk is assessed again. */
	@JsonIgnore
	public boolean isAbuseReport() {
		return ABUSE_REPORTED.equals(code);
	}

}
