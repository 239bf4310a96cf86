package net.port25.workflow.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Component;

/** Reads the access state of a service for the API. */
@Component
class AccessStates {

	private final Requests requests;

	private final AuditTrail audit;

	AccessStates(Requests requests, AuditTrail audit) {
		this.requests = requests;
		this.audit = audit;
	}

	/**
	 * The request that decides the service's state: the live one, else the latest one.
	 */
	Optional<RequestRecord> current(String serviceId) {
		return requests.findCurrent(serviceId);
	}

	/**
	 * The service's state as the caller may see it; unknown and other customers' services
	 * are not found.
	 */
	AccessState visibleTo(Caller caller, String serviceId) {
		caller.requireReader();
		RequestRecord record = current(serviceId).filter(found -> caller.sees(found.customerId()))
			.orElseThrow(() -> new RequestNotFound("no port 25 access known for service " + serviceId));
		return of(record, caller);
	}

	AccessState of(RequestRecord record, Caller caller) {
		List<AuditEntry> history = caller.readable(audit.forService(record.serviceId()));
		return new AccessState(record.serviceId(), record.status(), record.requestRef(), record.serviceType(),
				record.customerId(), since(record), history);
	}

	/**
	 * When the request entered its present state: its latest state change to it, else its
	 * creation.
	 */
	private Instant since(RequestRecord record) {
		List<AuditEntry> trail = audit.forRequest(record.requestRef());
		for (int i = trail.size() - 1; i >= 0; i--) {
			if (record.status().name().equals(trail.get(i).toStatus())) {
				return trail.get(i).at();
			}
		}
		return record.createdAt();
	}

}
