package net.port25.workflow.intake;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The info-request loop: when a customer who has not answered is reminded, and when the
 * request closes.
 */
@Validated
@ConfigurationProperties("port25.intake")
public record IntakeProperties(@NotNull Duration infoReminderAfter, @NotNull Duration infoExpiresAfter) {
}
