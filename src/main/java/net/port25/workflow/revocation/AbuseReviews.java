package net.port25.workflow.revocation;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.AbuseDecision;
import net.port25.workflow.TaskCompletionRefused;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.springframework.stereotype.Service;

/**
 * A reviewer's decision on a low or medium abuse report: revoke the access or dismiss the
 * report, with a reason.
 */
@Service
public class AbuseReviews {

	private final AbuseReports reports;

	private final AuditTrail audit;

	AbuseReviews(AbuseReports reports, AuditTrail audit) {
		this.reports = reports;
		this.audit = audit;
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

	/** The report is recorded as dismissed; the access is unchanged. */
	public void dismiss(String requestRef, String reason, String reviewer) {
		audit.record(AuditEntry.action(requestRef, null, reviewer, AuditAction.ABUSE_DISMISSED, reason, null));
	}

}
