package net.port25.workflow.revocation;

import java.util.Optional;
import java.util.UUID;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff revoke granted access by hand, with a reason: the same path as critical abuse
 * (port closed, access revoked, customer told), in this transaction.
 */
@Service
@Transactional
public class StaffRevocation {

	private final Requests requests;

	private final RuntimeService runtimeService;

	private final AuditTrail audit;

	StaffRevocation(Requests requests, RuntimeService runtimeService, AuditTrail audit) {
		this.requests = requests;
		this.runtimeService = runtimeService;
		this.audit = audit;
	}

	/**
	 * Revokes the service's granted access, or says why there is nothing to revoke (and
	 * keeps the refused attempt in the audit trail). Returns the refusal, if any.
	 */
	public Optional<String> revoke(String serviceId, String reason, String actor) {
		Optional<RequestRecord> live = requests.lockLive(serviceId, null);
		if (live.isEmpty() || !live.get().status().isGranted()) {
			return Optional.of(
					refuse(serviceId, actor,
							"service " + serviceId + " has no granted port 25 access" + live
								.map(record -> " (request " + record.requestRef() + " is " + record.status() + ")")
								.orElse("")));
		}
		String requestRef = live.get().requestRef();
		if (!awaitsRevocation(requestRef)) {
			return Optional.of(refuse(serviceId, actor,
					"the access of service " + serviceId + " cannot be revoked at this point"));
		}
		runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_REVOKE_ACCESS)
			.processInstanceBusinessKey(requestRef)
			.setVariable(Variables.REVOCATION_REASON, reason)
			.setVariable(Variables.REVOCATION_REASON_CODE, ReasonCode.POLICY.code())
			.setVariable(Variables.ACTOR, actor)
			// a fresh id: otherwise the audit entry would name the last event the process
			// saw
			.setVariable(Variables.SOURCE_EVENT_ID, "staff-" + UUID.randomUUID())
			.correlate();
		return Optional.empty();
	}

	/**
	 * Keeps a refused revocation in the audit trail, against the service's latest
	 * request. Returns the refusal.
	 */
	public String refuse(String serviceId, String actor, String refusal) {
		String requestRef = requests.findLatest(serviceId).map(RequestRecord::requestRef).orElse(null);
		audit.record(AuditEntry.action(requestRef, serviceId, actor, AuditAction.REVOCATION_REFUSED, refusal,
				"staff-" + UUID.randomUUID()));
		return refusal;
	}

	private boolean awaitsRevocation(String requestRef) {
		return runtimeService.createExecutionQuery()
			.processInstanceBusinessKey(requestRef)
			.messageEventSubscriptionName(Port25AccessProcess.MESSAGE_REVOKE_ACCESS)
			.count() > 0;
	}

}
