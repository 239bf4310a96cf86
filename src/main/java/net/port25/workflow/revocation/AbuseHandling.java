package net.port25.workflow.revocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.GrantedServices;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an abuse report does, by where the service's request stands. Granted access: high
 * or critical revokes at once (synchronously, in this transaction: no job executor
 * between report and port-close command), low or medium opens a staff review. Pending
 * request: a finding for the reviewer; high or critical rejects the request. Nothing
 * live: recorded only. Every report is kept.
 * <p>
 * Reports that revoke at once are also applied ahead of the others, by a lane of their
 * own ({@link #revokingAtOnce}): a revocation does not wait behind a storm of reports for
 * addresses without access.
 */
@Service
@Transactional
public class AbuseHandling {

	private final Requests requests;

	private final AbuseReports reports;

	private final AuditTrail audit;

	private final RuntimeService runtimeService;

	private final ApplicationEventPublisher events;

	AbuseHandling(Requests requests, AbuseReports reports, AuditTrail audit, RuntimeService runtimeService,
			ApplicationEventPublisher events) {
		this.requests = requests;
		this.reports = reports;
		this.audit = audit;
		this.runtimeService = runtimeService;
		this.events = events;
	}

	public void handle(AbuseDetected abuse, String sourceEventId) {
		events.publishEvent(new AbuseReported(sourceEventId, abuse.serviceId(), abuse.severity(), abuse.detectedAt()));
		Optional<RequestRecord> live = requests.lockLive(abuse.serviceId(), abuse.ipAddress());
		AbuseReport.Effect effect = live.map((record) -> effect(record, abuse)).orElse(AbuseReport.Effect.RECORDED);
		String serviceId = live.map(RequestRecord::serviceId).orElse(abuse.serviceId());
		String requestRef = live.map(RequestRecord::requestRef).orElse(null);
		long reportId = reports.record(abuse, serviceId, live.map(AbuseHandling::addresses).orElse(List.of()),
				live.map(RequestRecord::customerId).orElse(null), requestRef, effect, sourceEventId);
		audit.record(AuditEntry.action(requestRef, serviceId, Actors.ABUSE_MONITOR, AuditAction.ABUSE_REPORTED,
				abuse.describe() + (abuse.ipAddress() == null ? "" : " (IP " + abuse.ipAddress() + ")"),
				sourceEventId));
		switch (effect) {
			case REVOKED -> revoke(requestRef, abuse, reportId, sourceEventId);
			case REVIEW -> openReview(requestRef, abuse, reportId, sourceEventId);
			case REJECTED -> rejectPendingRequest(requestRef, abuse, reportId, sourceEventId);
			case FINDING -> requests.addFinding(requestRef, finding(abuse));
			case RECORDED -> {
				// no access and no open request: the report is kept, nothing else happens
			}
		}
	}

	/**
	 * The reports among these that revoke granted access at once, as the requests stand
	 * now: for the revocation lane, which applies them ahead of the reports polled before
	 * them. The lane picks from reports it has not checked yet, so any field may be
	 * missing; {@link #handle} decides again, on the checked report and the locked
	 * request. The lookup is one statement and runs outside a transaction: a read-only
	 * one cost a BEGIN and a COMMIT, two more round trips for every poll of the lane.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public List<AbuseDetected> revokingAtOnce(List<AbuseDetected> reports) {
		List<AbuseDetected> actingAtOnce = reports.stream()
			.filter((abuse) -> abuse.severity() != null && abuse.severity().actsAtOnce())
			.toList();
		if (actingAtOnce.isEmpty()) {
			return List.of();
		}
		GrantedServices granted = requests.findGranted(
				actingAtOnce.stream().map(AbuseDetected::serviceId).filter(Objects::nonNull).toList(),
				actingAtOnce.stream().map(AbuseDetected::ipAddress).filter(Objects::nonNull).toList());
		return actingAtOnce.stream().filter((abuse) -> granted.covers(abuse.serviceId(), abuse.ipAddress())).toList();
	}

	private static List<String> addresses(RequestRecord record) {
		return record.approvedIpAddresses().isEmpty() ? record.ipAddresses() : record.approvedIpAddresses();
	}

	private static AbuseReport.Effect effect(RequestRecord record, AbuseDetected abuse) {
		if (record.status().isGranted()) {
			return abuse.severity().actsAtOnce() ? AbuseReport.Effect.REVOKED : AbuseReport.Effect.REVIEW;
		}
		return abuse.severity().actsAtOnce() ? AbuseReport.Effect.REJECTED : AbuseReport.Effect.FINDING;
	}

	private void revoke(String requestRef, AbuseDetected abuse, long reportId, String sourceEventId) {
		runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_REVOKE_ACCESS)
			.processInstanceBusinessKey(requestRef)
			.setVariable(Variables.REVOCATION_REASON, abuse.describe())
			.setVariable(Variables.REVOCATION_REASON_CODE, ReasonCode.ABUSE.code())
			.setVariable(Variables.ABUSE_REPORT_ID, reportId)
			.setVariable(Variables.ACTOR, Actors.ABUSE_MONITOR)
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlate();
	}

	// the report's own variables, and its review's outcome, live in its review's scope:
	// a second report opens a review of its own
	private void openReview(String requestRef, AbuseDetected abuse, long reportId, String sourceEventId) {
		runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_ABUSE_REVIEW_REQUESTED)
			.processInstanceBusinessKey(requestRef)
			.setVariableLocal(Variables.ABUSE_REPORT_ID, reportId)
			.setVariableLocal(Variables.ABUSE_EVIDENCE, abuse.describe())
			.setVariableLocal(Variables.ABUSE_REVIEW_OUTCOME, null)
			.setVariableLocal(Variables.DISMISSAL_REASON, null)
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlate();
	}

	private void rejectPendingRequest(String requestRef, AbuseDetected abuse, long reportId, String sourceEventId) {
		requests.addFinding(requestRef, finding(abuse));
		runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_REJECT_REQUEST_FOR_ABUSE)
			.processInstanceBusinessKey(requestRef)
			.setVariable(Variables.REVOCATION_REASON, abuse.describe())
			.setVariable(Variables.ABUSE_REPORT_ID, reportId)
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlate();
	}

	private static Finding finding(AbuseDetected abuse) {
		return Finding.abuseReported(
				abuse.severity().actsAtOnce() ? Finding.Severity.CRITICAL : Finding.Severity.WARNING, abuse.describe());
	}

}
