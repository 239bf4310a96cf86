package net.port25.workflow.revocation;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * An undecided abuse review is escalated to the leads after
 * {@code abuseReviewEscalatesAfter}.
 */
@Validated
@ConfigurationProperties("port25.revocation")
public record RevocationProperties(@NotNull Duration abuseReviewEscalatesAfter) {
}
