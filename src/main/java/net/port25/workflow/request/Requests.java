package net.port25.workflow.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import net.port25.workflow.access.AccessChangePublisher;
import net.port25.workflow.access.AccessChanged;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The request records: what the capabilities read and change of a request, in the
 * caller's transaction. A change of state is stored, kept in the audit trail and
 * published, together.
 */
@Service
public class Requests {

	static final int HISTORY_LIMIT = 10;

	private final RequestRecords records;

	private final AuditTrail audit;

	private final AccessChangePublisher publisher;

	private final ApplicationEventPublisher events;

	Requests(RequestRecords records, AuditTrail audit, AccessChangePublisher publisher,
			ApplicationEventPublisher events) {
		this.records = records;
		this.audit = audit;
		this.publisher = publisher;
		this.events = events;
	}

	public Optional<RequestRecord> find(String requestRef) {
		return records.find(requestRef);
	}

	/** As {@link #find}, with the request's row locked as {@link #lockLive} locks it. */
	public Optional<RequestRecord> lock(String requestRef) {
		return records.lock(requestRef);
	}

	/** The request a process instance (business key) or a known reference names. */
	public RequestRecord get(String requestRef) {
		return find(requestRef).orElseThrow(() -> new IllegalStateException("No request " + requestRef));
	}

	/**
	 * The live request of a service, found by its service id or by one of its IP
	 * addresses.
	 */
	public Optional<RequestRecord> findLive(String serviceId, String ipAddress) {
		return records.findLive(serviceId, ipAddress);
	}

	/**
	 * As {@link #findLive}, with the request's row locked until the transaction ends: the
	 * events that act on one request (a toggle, an abuse report, an inventory change, a
	 * staff revocation, an answer or a withdrawal) then take their turns on every node,
	 * where without it two of them race in the engine, both can fail on optimistic
	 * locking, and their retries meet again.
	 */
	public Optional<RequestRecord> lockLive(String serviceId, String ipAddress) {
		return records.lockLive(serviceId, ipAddress);
	}

	/**
	 * Which of these service ids and IP addresses granted access covers now, matched as
	 * {@link #findLive} matches; one query for a poll of abuse reports. Nothing is
	 * locked: the answer is a hint, and {@link #lockLive} decides.
	 */
	public GrantedServices findGranted(Collection<String> serviceIds, Collection<String> ipAddresses) {
		return records.findGranted(serviceIds, ipAddresses);
	}

	/** The service's most recent request, live or ended. */
	public Optional<RequestRecord> findLatest(String serviceId) {
		return records.findLatest(serviceId);
	}

	/**
	 * The request that decides the service's state: the live one, else the latest one.
	 */
	public Optional<RequestRecord> findCurrent(String serviceId) {
		return findLive(serviceId, null).or(() -> findLatest(serviceId));
	}

	/**
	 * One page of the requests that match every given criterion (a null criterion matches
	 * all), newest first.
	 */
	public List<RequestRecord> search(String customerId, String serviceId, AccessStatus status, int offset, int limit) {
		return records.search(customerId, serviceId, status, offset, limit);
	}

	/** How many requests match {@link #search}'s criteria in all. */
	public long count(String customerId, String serviceId, AccessStatus status) {
		return records.count(customerId, serviceId, status);
	}

	/**
	 * What happened before to the same service, its IP addresses and its customer: the
	 * other requests, newest first (at most {@value #HISTORY_LIMIT}).
	 */
	public RequestHistory history(RequestRecord record) {
		return new RequestHistory(record, records.findEarlier(record, HISTORY_LIMIT));
	}

	/** Stores a newly submitted request in its first state. */
	public void register(RequestRecord record, String actor, String sourceEventId) {
		records.insert(record);
		recordChange(record, null, record.status(), actor, null, sourceEventId);
	}

	/**
	 * Changes the request's state; staying in the same state is no change and records
	 * nothing.
	 */
	public void changeStatus(String requestRef, AccessStatus status, String actor, String reason,
			String sourceEventId) {
		changeStatus(requestRef, status, null, actor, reason, sourceEventId);
	}

	/** Ends the request, or changes its state, for a reason the contract names. */
	public void changeStatus(String requestRef, AccessStatus status, ReasonCode reasonCode, String actor, String reason,
			String sourceEventId) {
		RequestRecord record = get(requestRef);
		if (record.status() == status) {
			return;
		}
		records.updateStatus(requestRef, status, reasonCode);
		recordChange(record, record.status(), status, actor, reason, sourceEventId);
	}

	/** Approved: the service id and IP addresses are frozen as they are now. */
	public void approve(String requestRef, String reviewer, String reason) {
		records.freezeApprovedFacts(requestRef);
		changeStatus(requestRef, AccessStatus.APPROVED, reviewer, reason, null);
	}

	/** This customer's most recent request for the service, live or ended. */
	public Optional<RequestRecord> findLatest(String serviceId, String customerId) {
		return records.findLatest(serviceId, customerId);
	}

	public void updateFacts(String requestRef, RequestFacts facts) {
		records.updateFacts(requestRef, facts);
	}

	/** What the request still lacks; the same list again writes nothing. */
	public void updateMissingFacts(String requestRef, List<MissingFact> missingFacts) {
		if (!get(requestRef).missingFacts().equals(missingFacts)) {
			records.updateMissingFacts(requestRef, missingFacts);
		}
	}

	/**
	 * The risk decision's findings replace the earlier ones; findings of abuse reports
	 * are kept. The same findings again write nothing.
	 */
	public void assessed(String requestRef, List<Finding> riskFindings) {
		List<Finding> findings = new ArrayList<>(riskFindings);
		List<Finding> before = get(requestRef).findings();
		before.stream().filter(Finding::isAbuseReport).forEach(findings::add);
		if (!before.equals(findings)) {
			records.updateFindings(requestRef, findings);
		}
	}

	/**
	 * A finding made outside the review (an abuse report); whoever shows the findings is
	 * told.
	 */
	public void addFinding(String requestRef, Finding finding) {
		List<Finding> findings = new ArrayList<>(get(requestRef).findings());
		findings.add(finding);
		records.updateFindings(requestRef, findings);
		events.publishEvent(new FindingAdded(requestRef, finding));
	}

	private void recordChange(RequestRecord record, AccessStatus from, AccessStatus to, String actor, String reason,
			String sourceEventId) {
		Instant at = Instant.now();
		audit.record(new AuditEntry(record.requestRef(), record.serviceId(), at, actor, AuditAction.STATUS_CHANGED,
				from == null ? null : from.name(), to.name(), reason, sourceEventId));
		publisher.publish(new AccessChanged(record.serviceType(), record.serviceId(), record.customerId(),
				record.requestRef(), to, from, actor, reason, at));
		events.publishEvent(new RequestStatusChanged(record.requestRef(), record.serviceType(), from, to, actor,
				sourceEventId, record.createdAt(), at));
	}

}
