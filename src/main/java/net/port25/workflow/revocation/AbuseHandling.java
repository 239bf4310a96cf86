package net.port25.workflow.revocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.Finding;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.intake.RequestRecord;
import net.port25.workflow.intake.RequestRecords;
import net.port25.workflow.review.ReviewBrief;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

	static final String ABUSE_FINDING = "ABUSE_REPORTED";

	private final RequestRecords records;

	private final AuditTrail audit;

	private final ReviewBrief brief;

	private final RuntimeService runtimeService;

	AbuseHandling(RequestRecords records, AuditTrail audit, ReviewBrief brief, RuntimeService runtimeService) {
		this.records = records;
		this.audit = audit;
		this.brief = brief;
		this.runtimeService = runtimeService;
	}

	public void handle(AbuseDetected abuse, String sourceEventId) {
		Optional<RequestRecord> live = records.findLive(abuse.serviceId(), abuse.ipAddress());
		audit.record(AuditEntry.action(live.map(RequestRecord::requestRef).orElse(null),
				live.map(RequestRecord::serviceId).orElse(abuse.serviceId()), Actors.ABUSE_MONITOR, "ABUSE_REPORTED",
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
		List<Finding> findings = new ArrayList<>(record.findings());
		findings.add(new Finding(ABUSE_FINDING, abuse.severity() == AbuseDetected.Severity.CRITICAL
				? Finding.Severity.CRITICAL : Finding.Severity.WARNING, abuse.describe()));
		records.updateFindings(record.requestRef(), findings);
		if (abuse.severity() == AbuseDetected.Severity.CRITICAL) {
			runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_REJECT_REQUEST_FOR_ABUSE)
				.processInstanceBusinessKey(record.requestRef())
				.setVariable(Variables.REVOCATION_REASON, abuse.describe())
				.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
				.correlate();
			return;
		}
		refreshReviewBrief(record.requestRef());
	}

	private void refreshReviewBrief(String requestRef) {
		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(requestRef)
			.processDefinitionKey(Port25AccessProcess.PROCESS_KEY)
			.singleResult();
		if (instance != null) {
			runtimeService.setVariables(instance.getId(), brief.variables(records.get(requestRef)));
		}
	}

}
