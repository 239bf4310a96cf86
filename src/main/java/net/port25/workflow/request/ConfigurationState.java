package net.port25.workflow.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether SPF, DKIM, DMARC or rDNS is set up. The contract says yes or no ({@code true},
 * {@code false}); the policy lets a customer answer that it "will be configured before
 * sending" ({@code "before-sending"}), which the reviewer sees as a finding.
 */
public enum ConfigurationState {

	CONFIGURED(true, "configured"), NOT_CONFIGURED(false, "not-configured"),
	BEFORE_SENDING("before-sending", "before-sending");

	private final Object json;

	private final String decisionValue;

	ConfigurationState(Object json, String decisionValue) {
		this.json = json;
		this.decisionValue = decisionValue;
	}

	/**
	 * {@code true}, {@code false} or {@code "before-sending"}; nothing else, a number
	 * least of all.
	 */
	@JsonCreator
	public static ConfigurationState of(Object json) {
		for (ConfigurationState state : values()) {
			if (state.json.equals(json)) {
				return state;
			}
		}
		throw new IllegalArgumentException("expected true, false or \"before-sending\"");
	}

	@JsonValue
	public Object json() {
		return json;
	}

	/** The value the policy decisions (DMN) compare. */
	public String decisionValue() {
		return decisionValue;
	}

}
