package net.port25.workflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.request.RequestStatusChanged;
import net.port25.workflow.revocation.AbuseDetected.Severity;
import net.port25.workflow.revocation.AbuseReported;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

	private static final Instant SUBMITTED = Instant.parse("2026-11-27T12:30:00Z");

	private static final Instant NOW = Instant.parse("2026-11-30T02:10:00Z");

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final RequestMetrics metrics = new RequestMetrics(meters, new RecentAbuseReports(10),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void timesTheDecisionFromSubmissionByOutcome() {
		metrics
			.on(change(AccessStatus.IN_REVIEW, AccessStatus.APPROVED, "reviewer", SUBMITTED.plus(Duration.ofHours(3))));
		metrics.on(change(AccessStatus.INFO_REQUESTED, AccessStatus.REJECTED, "reviewer",
				SUBMITTED.plus(Duration.ofDays(1))));

		assertThat(meters.get("port25.request.decision").tag("decision", "approved").timer().totalTime(TimeUnit.HOURS))
			.isEqualTo(3);
		assertThat(meters.get("port25.request.decision").tag("decision", "rejected").timer().totalTime(TimeUnit.DAYS))
			.isEqualTo(1);
	}

	@Test
	void timesTheFirstEnablementOnlyNotEverySwitchBackOn() {
		metrics.on(change(AccessStatus.APPROVED, AccessStatus.ENABLED, "customer:C-3301",
				SUBMITTED.plus(Duration.ofDays(2))));
		metrics.on(change(AccessStatus.DISABLED, AccessStatus.ENABLED, "customer:C-3301",
				SUBMITTED.plus(Duration.ofDays(9))));

		assertThat(meters.get("port25.request.enablement").tag("service_type", "cMetal").timer().count()).isEqualTo(1);
		assertThat(meters.get("port25.request.status.changes").tag("status", "ENABLED").counter().count()).isEqualTo(2);
	}

	@Test
	void countsARevocationByTheSeverityOfTheAbuseThatCausedItAndTimesItFromDetection() {
		metrics.on(new AbuseReported("abuse-1", "DEV-90017", Severity.CRITICAL, NOW.minusSeconds(19)));
		metrics.on(revoked(Actors.ABUSE_MONITOR, "abuse-1"));

		assertThat(meters.get("port25.revocations").tags("severity", "critical", "trigger", "abuse").counter().count())
			.isEqualTo(1);
		assertThat(
				meters.get("port25.revocation.latency").tag("severity", "critical").timer().totalTime(TimeUnit.SECONDS))
			.isEqualTo(19);
	}

	@Test
	void countsAReviewersRevocationOfReportedAbuseAsStaffWithTheReportsSeverity() {
		metrics.on(new AbuseReported("abuse-2", "DEV-90017", Severity.MEDIUM, NOW.minus(Duration.ofHours(5))));
		metrics.on(revoked("reviewer", "abuse-2"));

		assertThat(meters.get("port25.revocations").tags("severity", "medium", "trigger", "staff").counter().count())
			.isEqualTo(1);
	}

	@Test
	void countsAStaffRevocationWithoutAbuseReportWithSeverityNoneAndNoLatency() {
		metrics.on(revoked("noc-lead", "staff-5d1c"));

		assertThat(meters.get("port25.revocations").tags("severity", "none", "trigger", "staff").counter().count())
			.isEqualTo(1);
		assertThat(meters.find("port25.revocation.latency").timer()).isNull();
	}

	@Test
	void forgetsTheOldestAbuseReportsBeyondItsCapacity() {
		RecentAbuseReports reports = new RecentAbuseReports(2);
		for (String id : new String[] { "a", "b", "c" }) {
			reports.remember(new AbuseReported(id, "DEV-1", Severity.HIGH, NOW));
		}

		assertThat(reports.find("a")).isEmpty();
		assertThat(reports.find("c")).isPresent();
	}

	private static RequestStatusChanged change(AccessStatus from, AccessStatus to, String actor, Instant at) {
		return new RequestStatusChanged("D-55012", ServiceType.C_METAL, from, to, actor, "event-1", SUBMITTED, at);
	}

	private static RequestStatusChanged revoked(String actor, String sourceEventId) {
		return new RequestStatusChanged("D-55012", ServiceType.C_METAL, AccessStatus.ENABLED, AccessStatus.REVOKED,
				actor, sourceEventId, SUBMITTED, NOW);
	}

}
