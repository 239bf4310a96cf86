package net.port25.workflow.intake;

import java.time.Instant;

import net.port25.workflow.access.AccessChangePublisher;
import net.port25.workflow.access.AccessChanged;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.springframework.stereotype.Service;

/**
 * Moves a request to a new state: stored, kept in the audit trail and published, all in
 * the caller's transaction.
 */
@Service
public class RequestStatus {

	private final RequestRecords records;

	private final AuditTrail audit;

	private final AccessChangePublisher publisher;

	RequestStatus(RequestRecords records, AuditTrail audit, AccessChangePublisher publisher) {
		this.records = records;
		this.audit = audit;
		this.publisher = publisher;
	}

	/**
	 * Changes the request's state; staying in the same state is no change and records
	 * nothing.
	 */
	public void change(String requestRef, AccessStatus status, String actor, String reason, String sourceEventId) {
		RequestRecord record = records.get(requestRef);
		if (record.status() == status) {
			return;
		}
		records.updateStatus(requestRef, status);
		recordChange(record, record.status(), status, actor, reason, sourceEventId);
	}

	/** The first state of a newly registered request. */
	void registered(RequestRecord record, String actor, String sourceEventId) {
		recordChange(record, null, record.status(), actor, null, sourceEventId);
	}

	private void recordChange(RequestRecord record, AccessStatus from, AccessStatus to, String actor, String reason,
			String sourceEventId) {
		Instant at = Instant.now();
		audit.record(new AuditEntry(record.requestRef(), record.serviceId(), at, actor, "STATUS_CHANGED",
				from == null ? null : from.name(), to.name(), reason, sourceEventId));
		publisher.publish(new AccessChanged(record.serviceType(), record.serviceId(), record.customerId(),
				record.requestRef(), to, from, actor, reason, at));
	}

}
