package net.port25.workflow.access;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * A new version of a decision table, deployed while the engine runs, is used within
 * {@code newVersionsWithin} ({@link PolicyDecisions}).
 */
@Validated
@ConfigurationProperties("port25.decisions")
public record DecisionProperties(@NotNull Duration newVersionsWithin) {
}
