package net.port25.workflow.revocation;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import net.port25.workflow.access.CustomerMessage;
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
		SPAM(CustomerMessage.ABUSE_SPAM),

		@JsonProperty("compromise")
		COMPROMISE(CustomerMessage.ABUSE_COMPROMISE),

		@JsonProperty("policy-violation")
		POLICY_VIOLATION(CustomerMessage.ABUSE_POLICY_VIOLATION),

		@JsonProperty("blocklist")
		BLOCKLIST(CustomerMessage.ABUSE_BLOCKLIST);

		private final CustomerMessage inWords;

		Category(CustomerMessage inWords) {
			this.inWords = inWords;
		}

		/**
		 * What the customer is told was reported: the category in words, never the
		 * monitor's evidence.
		 */
		CustomerMessage inWords() {
			return inWords;
		}

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

		/**
		 * High and critical abuse revokes granted access at once, without notice, and
		 * rejects a pending request.
		 */
		boolean actsAtOnce() {
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
		return InputLimits.shorten(severity.name().toLowerCase(Locale.ROOT) + " "
				+ category.name().toLowerCase(Locale.ROOT).replace('_', '-') + " abuse"
				+ (evidence == null ? "" : ": " + evidence), InputLimits.MAX_TEXT_LENGTH);
	}

}
