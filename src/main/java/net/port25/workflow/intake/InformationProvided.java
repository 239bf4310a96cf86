package net.port25.workflow.intake;

import jakarta.validation.constraints.NotBlank;
import net.port25.workflow.request.RequestFacts;

/**
 * {@code port25.request.info-provided}: the customer's answer; given fields replace the
 * old values.
 */
public record InformationProvided(@NotBlank String requestRef, RequestFacts fields, String body) {

	/**
	 * The answer as the customer wrote it: the text, else the names of the facts given in
	 * fields.
	 */
	String asWritten() {
		if (body != null && !body.isBlank()) {
			return body;
		}
		return (fields == null) ? "" : "(answered in fields: " + String.join(", ", fields.givenFields()) + ")";
	}

	RequestFacts facts() {
		RequestFacts given = fields == null ? RequestFacts.NONE : fields;
		return given.orElse(RequestTextParser.parse(body));
	}

}
