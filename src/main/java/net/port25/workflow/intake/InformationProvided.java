package net.port25.workflow.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import net.port25.workflow.access.FreeText;
import net.port25.workflow.access.InputLimits;
import net.port25.workflow.access.SingleLine;
import net.port25.workflow.request.RequestFacts;

/**
 * {@code port25.request.info-provided}: the customer's answer; given fields replace the
 * old values.
 */
public record InformationProvided(@NotBlank @SingleLine String requestRef, @Valid RequestFacts fields,
		@FreeText(max = InputLimits.MAX_BODY_LENGTH) String body) {

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
		return given.orElse(bodyFacts());
	}

	/**
	 * The facts the body gives, held to the same limits as the fields (a getter, so that
	 * validation sees it).
	 */
	@Valid
	@JsonIgnore
	RequestFacts getBodyFacts() {
		return bodyFacts();
	}

	private RequestFacts bodyFacts() {
		return RequestTextParser.parse(body);
	}

}
