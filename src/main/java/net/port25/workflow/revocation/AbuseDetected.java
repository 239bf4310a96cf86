package net.port25.workflow.revocation;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import net.port25.workflow.access.CustomerMessage;

/**
 * {@code port25.abuse.detected}: an abuse monitor saw something, for a service id or an
 * IP address.
 */
public record AbuseDetected(String serviceId, String ipAddress, @NotNull Category category, @NotNull Severity severity,
		String evidence, Instant detectedAt) {

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

	/** For staff and the audit trail: severity, category and the monitor's evidence. */
	String describe() {
		return severity.name().toLowerCase(Locale.ROOT) + " "
				+ category.name().toLowerCase(Locale.ROOT).replace('_', '-') + " abuse"
				+ (evidence == null ? "" : ": " + evidence);
	}

}
