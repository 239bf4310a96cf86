package net.port25.workflow.revocation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.AbuseDecision;
import net.port25.workflow.TaskCompletionRefused;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.access.Readable;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/**
 * A reviewer's decision on a low or medium abuse report: revoke the access or dismiss the
 * report, with a reason.
 */
@Service
public class AbuseReviews {

	private final AbuseReports reports;

	private final Requests requests;

	private final AuditTrail audit;

	AbuseReviews(AbuseReports reports, Requests requests, AuditTrail audit) {
		this.reports = reports;
		this.requests = requests;
		this.audit = audit;
	}

	/**
	 * How many abuse reports there have been for the service or one of these IP addresses
	 * (the latest 50 at most): a risk input of a new request.
	 */
	public int reportsAgainst(String serviceId, List<String> ipAddresses) {
		return reports.forService(serviceId, ipAddresses).size();
	}

	/**
	 * The form's report: the service, its customer and request, the access and since
	 * when, what was seen.
	 */
	public String report(long reportId) {
		AbuseReport report = reports.get(reportId);
		RequestRecord record = requests.get(report.requestRef());
		return String.join("\n",
				"- **Service:** " + record.serviceType().contractName() + " " + record.serviceId()
						+ (report.ipAddress() == null ? "" : " (reported for IP address " + report.ipAddress() + ")"),
				"- **Customer:** " + record.customerId(), "- **Request:** " + record.requestRef(),
				"- **Access:** " + record.status().inWords().toLowerCase(Locale.ROOT) + " since "
						+ Readable.dateTime(record.statusSince()),
				"- **Severity:** " + words(report.severity()), "- **Category:** " + words(report.category()),
				"- **Detected:** " + Readable.dateTime(report.seenAt()),
				"- **Evidence:** " + (report.evidence() == null ? "none given" : Readable.escaped(report.evidence())));
	}

	/**
	 * The earlier reports for the service, its IP addresses and its customer, and what
	 * reviewers made of them.
	 */
	public String history(long reportId) {
		AbuseReport report = reports.get(reportId);
		RequestRecord record = requests.get(report.requestRef());
		Map<Long, AbuseReport> earlier = new LinkedHashMap<>();
		Stream
			.concat(reports.forService(record.serviceId(), record.approvedIpAddresses()).stream(),
					reports.forCustomer(record.customerId()).stream())
			.filter((other) -> other.id() != reportId)
			.forEach((other) -> earlier.putIfAbsent(other.id(), other));
		if (earlier.isEmpty()) {
			return "No earlier abuse reports for this service, its IP addresses or this customer.";
		}
		return Readable
			.bounded(
					earlier.values()
						.stream()
						.sorted(Comparator.comparing(AbuseReport::id).reversed())
						.limit(20)
						.map((other) -> "- " + Readable.dateTime(other.seenAt()) + ": " + words(other.severity()) + " "
								+ words(other.category()) + " on " + other.serviceId()
								+ (other.customerId() == null || other.customerId().equals(record.customerId()) ? ""
										: " (another customer)")
								+ ", " + outcome(other))
						.collect(Collectors.joining("\n")),
					"the audit trail of each request (GET /api/requests/{requestRef})");
	}

	/**
	 * Takes the decision as the form gives it, or refuses it (the task stays open); the
	 * report keeps it.
	 */
	public AbuseDecision decide(String requestRef, long reportId, Object decisionValue, String reason,
			String reviewer) {
		AbuseDecision decision = AbuseDecision.of(decisionValue)
			.orElseThrow(() -> new TaskCompletionRefused("abuseDecision must be "
					+ Port25AccessProcess.describe(AbuseDecision.values()) + ", not " + decisionValue));
		if (reason == null || reason.isBlank()) {
			throw new TaskCompletionRefused("an abuse decision needs a reason");
		}
		reports.reviewed(reportId, decision.value(), reviewer, reason);
		audit.record(AuditEntry.action(requestRef, null, reviewer, AuditAction.ABUSE_REVIEWED,
				decision.value() + ": " + reason, null));
		return decision;
	}

	private static String outcome(AbuseReport report) {
		if (report.reviewOutcome() != null) {
			return (AbuseDecision.REVOKE.value().equals(report.reviewOutcome()) ? "revoked" : "dismissed") + " by "
					+ report.reviewedBy() + ": " + Readable.escaped(report.reviewReason());
		}
		return switch (report.effect()) {
			case REVOKED -> "access revoked at once";
			case REJECTED -> "the pending request rejected";
			case REVIEW -> "under review";
			case FINDING -> "a finding for the request's reviewer";
			case RECORDED -> "recorded (no access then)";
		};
	}

	private static String words(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/** The report is recorded as dismissed; the access is unchanged. */
	public void dismiss(String requestRef, String reason, String reviewer) {
		audit.record(AuditEntry.action(requestRef, null, reviewer, AuditAction.ABUSE_DISMISSED, reason, null));
	}

}
