package net.port25.workflow.revocation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import net.port25.workflow.access.FreeText;
import net.port25.workflow.access.InputLimits;
import net.port25.workflow.access.IpLiteral;
import net.port25.workflow.access.SingleLine;

/**
 * {@code port25.abuse.detected}: an abuse monitor saw something, for a service id or an
 * IP address.
 */
public record AbuseDetected(@SingleLine String serviceId, @IpLiteral String ipAddress, @NotNull Category category,
		@NotNull Severity severity, @FreeText(max = InputLimits.MAX_BODY_LENGTH) String evidence, Instant detectedAt) {

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

	/**
	 * What was reported, in one text that fits a staff form and the audit trail: a
	 * monitor's evidence may be longer than a free-text fact, and is shortened here.
	 */
	String describe() {
		return InputLimits.shorten(severity.name().toLowerCase() + " " + category.name().toLowerCase().replace('_', '-')
				+ " abuse" + (evidence == null ? "" : ": " + evidence), InputLimits.MAX_TEXT_LENGTH);
	}

}
