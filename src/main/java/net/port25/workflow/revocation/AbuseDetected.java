package net.port25.workflow.revocation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * {@code port25.abuse.detected}: an abuse monitor saw something, for a service id or an
 * IP address.
 */
public record AbuseDetected(String serviceId, String ipAddress, @NotNull Category category, @NotNull Severity severity,
		String evidence, Instant detectedAt) {

	public enum Category {

		@JsonProperty("spam")
		SPAM,

		@JsonProperty("compromise")
		COMPROMISE,

		@JsonProperty("policy-violation")
		POLICY_VIOLATION,

		@JsonProperty("blocklist")
		BLOCKLIST

	}

	public enum Severity {

		@JsonProperty("low")
		LOW,

		@JsonProperty("medium")
		MEDIUM,

		@JsonProperty("high")
		HIGH,

		@JsonProperty("critical")
		CRITICAL;

		/** High and critical abuse revokes granted access at once, without notice. */
		boolean revokesAtOnce() {
			return this == HIGH || this == CRITICAL;
		}

	}

	@AssertTrue(message = "names no service: give serviceId or ipAddress")
	boolean isIdentifyingAService() {
		return (serviceId != null && !serviceId.isBlank()) || (ipAddress != null && !ipAddress.isBlank());
	}

	String describe() {
		return severity.name().toLowerCase() + " " + category.name().toLowerCase().replace('_', '-') + " abuse"
				+ (evidence == null ? "" : ": " + evidence);
	}

}
