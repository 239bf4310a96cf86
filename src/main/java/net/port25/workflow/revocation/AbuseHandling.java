package net.port25.workflow.revocation;

import java.util.Optional;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an abuse report does, by where the service's request stands. Granted access: high
 * or critical revokes at once (synchronously, in this transaction: no job executor
 * between report and port-close command), low or medium opens a staff review. Pending
 * request: a finding for the reviewer; critical rejects the request. Nothing live:
 * recorded only.
 */
@Service
@Transactional
public class AbuseHandling {

	private final Requests requests;

	private final AuditTrail audit;

	private final RuntimeService runtimeService;

	private final ApplicationEventPublisher events;

	AbuseHandling(Requests requests, AuditTrail audit, RuntimeService runtimeService,
			ApplicationEventPublisher events) {
		this.requests = requests;
		this.audit = audit;
		this.runtimeService = runtimeService;
		this.events = events;
	}

	public void handle(AbuseDetected abuse, String sourceEventId) {
		events.publishEvent(new AbuseReported(sourceEventId, abuse.serviceId(), abuse.severity(), abuse.detectedAt()));
		Optional<RequestRecord> live = requests.findLive(abuse.serviceId(), abuse.ipAddress());
		audit.record(AuditEntry.action(live.map(RequestRecord::requestRef).orElse(null),
				live.map(RequestRecord::serviceId).orElse(abuse.serviceId()), Actors.ABUSE_MONITOR,
				AuditAction.ABUSE_REPORTED,
				abuse.describe() + (abuse.ipAddress() == null ? "" : " (IP " + abuse.ipAddress() + ")"),
				sourceEventId));
		if (live.isEmpty()) {
			return;
		}
		RequestRecord record = live.get();
		if (record.status().isGranted()) {
			onGrantedAccess(record, abuse, sourceEventId);
		}
		else {
			onPendingRequest(record, abuse, sourceEventId);
		}
	}

	private void onGrantedAccess(RequestRecord record, AbuseDetected abuse, String sourceEventId) {
		String message = abuse.severity().revokesAtOnce() ? Port25AccessProcess.MESSAGE_REVOKE_ACCESS
				: Port25AccessProcess.MESSAGE_ABUSE_REVIEW_REQUESTED;
		runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(record.requestRef())
			.setVariable(Variables.REVOCATION_REASON, abuse.describe())
			.setVariable(Variables.ABUSE_EVIDENCE, abuse.describe())
			.setVariable(Variables.ACTOR, Actors.ABUSE_MONITOR)
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlate();
	}

	private void onPendingRequest(RequestRecord record, AbuseDetected abuse, String sourceEventId) {
		boolean critical = abuse.severity() == AbuseDetected.Severity.CRITICAL;
		requests.addFinding(record.requestRef(), Finding
			.abuseReported(critical ? Finding.Severity.CRITICAL : Finding.Severity.WARNING, abuse.describe()));
		if (critical) {
			runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_REJECT_REQUEST_FOR_ABUSE)
				.processInstanceBusinessKey(record.requestRef())
				.setVariable(Variables.REVOCATION_REASON, abuse.describe())
				.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
				.correlate();
		}
	}

}
