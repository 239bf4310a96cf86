package net.port25.workflow.system;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How callers of {@code /api/**} are told apart. {@code customerIdClaim} names the JWT
 * claim that carries the customer id of a customer or dashboard caller; a token without
 * it is refused.
 */
@Validated
@ConfigurationProperties("port25.security")
public record SecurityProperties(@NotBlank String customerIdClaim) {
}
