package net.port25.workflow.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import net.port25.workflow.revocation.AbuseReported;

/**
 * The abuse reports this node took in lately, by event id, so that the revocation one
 * causes (at once, or after a staff review) can be counted by its severity. Bounded: the
 * oldest are forgotten first.
 */
final class RecentAbuseReports {

	static final int DEFAULT_CAPACITY = 10_000;

	private final Map<String, AbuseReported> reports;

	RecentAbuseReports(int capacity) {
		this.reports = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, AbuseReported> eldest) {
				return size() > capacity;
			}

		};
	}

	synchronized void remember(AbuseReported report) {
		if (report.sourceEventId() != null) {
			reports.put(report.sourceEventId(), report);
		}
	}

	synchronized Optional<AbuseReported> find(String sourceEventId) {
		return Optional.ofNullable(sourceEventId).map(reports::get);
	}

}
