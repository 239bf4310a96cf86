package net.port25.workflow.monitoring;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Monitoring.
 *
 * @param gaugeCacheTime how long a gauge that counts rows in PostgreSQL or the engine
 * keeps its reading: scrapes within that time (several Prometheus servers, a dashboard's
 * refresh) cost no query
 */
@Validated
@ConfigurationProperties("port25.monitoring")
record MonitoringProperties(@NotNull Duration gaugeCacheTime) {
}
