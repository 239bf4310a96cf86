package net.port25.workflow.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.request.RequestStatusChanged;
import net.port25.workflow.revocation.AbuseReported;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Metrics of what happened to the requests, counted once the change has committed (a
 * rolled-back change, retried later, counts once):
 * <ul>
 * <li>{@code port25.request.status.changes}: changes of state, by the new status;</li>
 * <li>{@code port25.request.decision}: from submission to approval or rejection;</li>
 * <li>{@code port25.request.enablement}: from submission to the port first opened;</li>
 * <li>{@code port25.revocations}: revoked access, by the severity of the abuse that
 * caused it ({@code none} for a staff revocation without one) and by who revoked it
 * ({@code abuse}: the engine at once, {@code staff}: a reviewer or staff member);</li>
 * <li>{@code port25.revocation.latency}: from the abuse monitor's detection to the
 * revocation and its port-close command committed, by severity.</li>
 * </ul>
 * A revocation learns its abuse report's severity from the report this node took in; one
 * reviewed on another node counts with severity {@code none}.
 */
@Component
class RequestMetrics {

	static final String NO_SEVERITY = "none";

	private final MeterRegistry meters;

	private final RecentAbuseReports abuseReports;

	private final Clock clock;

	@Autowired
	RequestMetrics(MeterRegistry meters) {
		this(meters, new RecentAbuseReports(RecentAbuseReports.DEFAULT_CAPACITY), Clock.systemUTC());
	}

	RequestMetrics(MeterRegistry meters, RecentAbuseReports abuseReports, Clock clock) {
		this.meters = meters;
		this.abuseReports = abuseReports;
		this.clock = clock;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AbuseReported report) {
		abuseReports.remember(report);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(RequestStatusChanged change) {
		meters.counter("port25.request.status.changes", "status", change.to().name()).increment();
		if (isDecision(change)) {
			timer("port25.request.decision", "decision", change.to().name().toLowerCase(Locale.ROOT))
				.record(Duration.between(change.submittedAt(), change.at()));
		}
		if (change.to() == AccessStatus.ENABLED && change.from() == AccessStatus.APPROVED) {
			timer("port25.request.enablement", "service_type", serviceType(change))
				.record(Duration.between(change.submittedAt(), change.at()));
		}
		if (change.to() == AccessStatus.REVOKED) {
			revoked(change);
		}
	}

	private void revoked(RequestStatusChanged change) {
		Optional<AbuseReported> report = abuseReports.find(change.sourceEventId());
		String severity = report.map((abuse) -> abuse.severity().name().toLowerCase(Locale.ROOT)).orElse(NO_SEVERITY);
		String trigger = Actors.ABUSE_MONITOR.equals(change.actor()) ? "abuse" : "staff";
		meters.counter("port25.revocations", "severity", severity, "trigger", trigger).increment();
		report.filter((abuse) -> abuse.detectedAt() != null)
			.ifPresent((abuse) -> timer("port25.revocation.latency", "severity", severity)
				.record(Duration.between(abuse.detectedAt(), clock.instant())));
	}

	private static boolean isDecision(RequestStatusChanged change) {
		return (change.to() == AccessStatus.APPROVED || change.to() == AccessStatus.REJECTED) && change.from() != null
				&& change.from().isPending();
	}

	private static String serviceType(RequestStatusChanged change) {
		return change.serviceType() == null ? "unknown" : change.serviceType().contractName();
	}

	private Timer timer(String name, String tag, String value) {
		return Timer.builder(name).tag(tag, value).register(meters);
	}

}
