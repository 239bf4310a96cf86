package net.port25.workflow.review;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * An undecided review is escalated to the leads after {@code escalateAfter}, rather than
 * waiting forever.
 */
@Validated
@ConfigurationProperties("port25.review")
public record ReviewProperties(@NotNull Duration escalateAfter) {
}
