package net.port25.workflow;

import net.port25.workflow.infrastructure.LocalTokens;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The controller itself; that it exists in the embedded profile only is
 * {@code @Profile}'s work.
 */
class DevTokenControllerTest {

	private final LocalTokens tokens = new LocalTokens();

	private final DevTokenController controller = new DevTokenController(tokens);

	@Test
	void issuesACustomerTokenTheLocalKeyVerifies() {
		ResponseEntity<String> response = controller.token("C-4410");

		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
		Jwt jwt = tokens.decoder().decode(response.getBody());
		assertThat(jwt.getClaimAsString(LocalTokens.CUSTOMER_ID_CLAIM)).isEqualTo("C-4410");
		assertThat(jwt.getIssuer()).hasToString(LocalTokens.ISSUER);
	}

	@Test
	void refusesARequestWithoutACustomerId() {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> controller.token(null))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> controller.token(" "))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("customerId"));
	}

	@Test
	void existsInTheEmbeddedProfileOnly() {
		assertThat(DevTokenController.class.getAnnotation(Profile.class).value()).containsExactly("embedded");
	}

}
