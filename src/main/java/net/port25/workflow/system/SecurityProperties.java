package net.port25.workflow.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers of {@code /api/**} are told apart. {@code customerIdClaim} names the JWT
 * claim that carries the customer id of a customer or dashboard caller; a token without
 * it is refused.
 */
@ConfigurationProperties("port25.security")
public record SecurityProperties(@DefaultValue("customerId") String customerIdClaim) {
}
