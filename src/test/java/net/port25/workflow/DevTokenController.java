package net.port25.workflow;

import net.port25.workflow.infrastructure.LocalTokens;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dev/token?customerId=C-4410}: a customer bearer token signed with the
 * embedded run's local key, for trying {@code /api/**} by hand. Test code and the
 * embedded profile only, so no other run can issue tokens.
 */
@RestController
@Profile("embedded")
class DevTokenController {

	private final LocalTokens tokens;

	DevTokenController(LocalTokens tokens) {
		this.tokens = tokens;
	}

	// no "produces": a missing customer id must still be answered as problem JSON
	@GetMapping("/dev/token")
	ResponseEntity<String> token(@RequestParam(required = false) String customerId) {
		if (customerId == null || customerId.isBlank()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The query parameter customerId is required, e.g. /dev/token?customerId=C-4410");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(tokens.issue(customerId.strip()));
	}

}
