package net.port25.workflow.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An undecided review is escalated after {@code escalateAfter} to the lead group, rather
 * than waiting forever.
 */
@ConfigurationProperties("port25.review")
public record ReviewProperties(@DefaultValue("P2D") Duration escalateAfter,
		@DefaultValue("port25-leads") String leadGroup) {
}
