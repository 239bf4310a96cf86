package net.port25.workflow.access;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Contract 1.1: why a request was rejected or closed, access revoked or a toggle refused,
 * beside the human-readable reason ({@code reasonCode} on {@code port25.replies}).
 */
public enum ReasonCode {

	DUPLICATE("duplicate"),

	NO_ANSWER("no-answer"),

	/** The use case is served by ports 465/587 or a third-party provider. */
	USE_SUBMISSION_PORTS("use-submission-ports"),

	INSUFFICIENT_INFORMATION("insufficient-information"),

	/** Any other reviewer decision. */
	POLICY("policy"),

	ABUSE("abuse"),

	NOT_YOUR_SERVICE("not-your-service"),

	INVENTORY_CHANGED("inventory-changed"),

	NOT_APPROVED("not-approved"),

	OPENED_BY_STAFF("opened-by-staff"),

	REVOKED("revoked");

	private final String code;

	ReasonCode(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	public static Optional<ReasonCode> of(Object code) {
		return Arrays.stream(values()).filter((reason) -> reason.code.equals(code)).findFirst();
	}

}
