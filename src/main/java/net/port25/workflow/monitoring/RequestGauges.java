package net.port25.workflow.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.CachedReading;
import net.port25.workflow.request.Requests;
import net.port25.workflow.review.ReviewProperties;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Where the requests stand, counted in PostgreSQL and the engine when scraped: requests
 * by status, info requests the customers have not answered, and reviews still open past
 * their escalation time. Every replica reports the same counts (they share the database):
 * aggregate them with {@code max}, not {@code sum}.
 */
@Component
class RequestGauges implements MeterBinder {

	private final CachedReading<Map<AccessStatus, Long>> byStatus;

	private final CachedReading<Long> reviewsPastEscalation;

	RequestGauges(Requests requests, TaskService taskService, ReviewProperties review,
			MonitoringProperties properties) {
		Clock clock = Clock.systemUTC();
		this.byStatus = new CachedReading<>(() -> countByStatus(requests), properties.gaugeCacheTime(), clock);
		this.reviewsPastEscalation = new CachedReading<>(() -> taskService.createTaskQuery()
			.taskDefinitionKey(Port25AccessProcess.TASK_REVIEW_REQUEST)
			.taskCreatedBefore(Date.from(Instant.now().minus(review.escalateAfter())))
			.count(), properties.gaugeCacheTime(), clock);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (AccessStatus status : AccessStatus.values()) {
			Gauge.builder("port25.requests", byStatus, (reading) -> reading.get().get(status))
				.tag("status", status.name())
				.description("Requests in this status")
				.register(registry);
		}
		Gauge
			.builder("port25.info.requests.open", byStatus, (reading) -> reading.get().get(AccessStatus.INFO_REQUESTED))
			.description("Requests waiting for the customer to answer an info request")
			.register(registry);
		Gauge.builder("port25.reviews.past.escalation", reviewsPastEscalation, CachedReading::get)
			.description("Review tasks still open after port25.review.escalate-after")
			.register(registry);
	}

	private static Map<AccessStatus, Long> countByStatus(Requests requests) {
		Map<AccessStatus, Long> counts = new EnumMap<>(AccessStatus.class);
		for (AccessStatus status : AccessStatus.values()) {
			counts.put(status, requests.count(null, null, status));
		}
		return counts;
	}

}
