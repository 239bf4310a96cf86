package net.port25.workflow.monitoring;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.port25.workflow.access.CachedReading;
import net.port25.workflow.events.OutboxBacklog;
import net.port25.workflow.events.OutboxStatistics;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What needs an operator, read when scraped: open incidents and jobs without retries in
 * the engine (a timer or an asynchronous step that failed every retry), and the outbox
 * events not yet sent to Kafka. Shared by all replicas: aggregate with {@code max}.
 */
@Component
class EngineGauges implements MeterBinder {

	private final CachedReading<Long> incidents;

	private final CachedReading<Long> jobsWithoutRetries;

	private final CachedReading<OutboxBacklog> outbox;

	EngineGauges(RuntimeService runtimeService, ManagementService managementService, OutboxStatistics outbox,
			MonitoringProperties properties) {
		Clock clock = Clock.systemUTC();
		this.incidents = new CachedReading<>(() -> runtimeService.createIncidentQuery().count(),
				properties.gaugeCacheTime(), clock);
		this.jobsWithoutRetries = new CachedReading<>(() -> managementService.createJobQuery().noRetriesLeft().count(),
				properties.gaugeCacheTime(), clock);
		this.outbox = new CachedReading<>(outbox::backlog, properties.gaugeCacheTime(), clock);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("port25.camunda.incidents", incidents, CachedReading::get)
			.description("Open incidents in the process engine")
			.register(registry);
		Gauge.builder("port25.camunda.jobs.without.retries", jobsWithoutRetries, CachedReading::get)
			.description("Jobs whose retries are used up")
			.register(registry);
		Gauge.builder("port25.outbox.pending", outbox, (reading) -> reading.get().pending())
			.description("Outbound events written but not yet sent to Kafka")
			.register(registry);
		Gauge.builder("port25.outbox.oldest.age", outbox, (reading) -> reading.get().oldestAge().toMillis() / 1000.0)
			.baseUnit("seconds")
			.description("Age of the oldest outbound event not yet sent (0 when none is pending)")
			.register(registry);
	}

}
