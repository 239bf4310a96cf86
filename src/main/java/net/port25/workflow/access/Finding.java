package net.port25.workflow.access;

/**
 * Something a reviewer should weigh: from the risk decision
 * ({@code PUBLIC_RECIPIENTS_WITHOUT_OPT_IN}, ...) or from an abuse report during a
 * pending request ({@code ABUSE_REPORTED}).
 */
public record Finding(String code, Severity severity, String description) {

	public enum Severity {

		INFO, WARNING, CRITICAL

	}

}
