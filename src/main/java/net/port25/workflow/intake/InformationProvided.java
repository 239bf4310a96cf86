package net.port25.workflow.intake;

import jakarta.validation.constraints.NotBlank;
import net.port25.workflow.request.RequestFacts;

/**
 * {@code port25.request.info-provided}: the customer's answer; given fields replace the
 * old values.
 */
public record InformationProvided(@NotBlank String requestRef, RequestFacts fields, String body) {

	RequestFacts facts() {
		RequestFacts given = fields == null ? RequestFacts.NONE : fields;
		return given.orElse(RequestTextParser.parse(body));
	}

}
