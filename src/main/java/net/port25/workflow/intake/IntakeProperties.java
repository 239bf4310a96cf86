package net.port25.workflow.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The info-request loop: when a customer who has not answered is reminded, and when the
 * request closes.
 */
@ConfigurationProperties("port25.intake")
public record IntakeProperties(@DefaultValue("P3D") Duration infoReminderAfter,
		@DefaultValue("P14D") Duration infoExpiresAfter) {
}
