package net.port25.workflow.enablement;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.access.Readable;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every refused switch is answered, to the sender, on the dashboard channel: for a device
 * that is not theirs only that it is not found for their account; for their own device
 * why (not approved yet, opened by staff, revoked when and why). It is kept in the audit
 * trail.
 */
@Component
class ToggleRefusals {

	private static final Logger log = LoggerFactory.getLogger(ToggleRefusals.class);

	private final Requests requests;

	private final AuditTrail audit;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	private final Counter notTheirs;

	ToggleRefusals(Requests requests, AuditTrail audit, CustomerNotifier notifier, CustomerMessages messages,
			MeterRegistry meters) {
		this.requests = requests;
		this.audit = audit;
		this.notifier = notifier;
		this.messages = messages;
		this.notTheirs = meters.counter("port25.events.unmatched", "capability", "enablement");
	}

	/**
	 * The inventory lists the device under someone else: whatever the sender once asked
	 * for, it is not theirs.
	 */
	ToggleRefusal refuseNotTheirs(ToggleRequested toggle, String sourceEventId) {
		return answer(toggle, Optional.empty(), sourceEventId);
	}

	ToggleRefusal refuse(ToggleRequested toggle, Optional<RequestRecord> live, String sourceEventId) {
		Optional<RequestRecord> theirs = live.isPresent()
				? live.filter((record) -> record.customerId().equals(toggle.customerId()))
				: requests.findLatest(toggle.serviceId(), toggle.customerId());
		return answer(toggle, theirs, sourceEventId);
	}

	private ToggleRefusal answer(ToggleRequested toggle, Optional<RequestRecord> theirs, String sourceEventId) {
		ToggleRefusal refusal = theirs.map((record) -> refusal(toggle, record))
			.orElseGet(() -> new ToggleRefusal(ReasonCode.NOT_YOUR_SERVICE,
					messages.text(CustomerMessage.TOGGLE_NOT_YOUR_SERVICE, toggle.serviceId())));
		String requestRef = theirs.map(RequestRecord::requestRef).orElse(null);
		// the trail of another customer's request is not the place for this attempt: the
		// service's is
		audit.record(AuditEntry.action(requestRef, toggle.serviceId(), Actors.customer(toggle.customerId()),
				AuditAction.TOGGLE_REFUSED, refusal.message(), sourceEventId));
		if (refusal.isNotTheirs()) {
			notTheirs.increment();
			log.warn("Toggle of {} by customer {} refused: not theirs or unknown (event {})", toggle.serviceId(),
					toggle.customerId(), sourceEventId);
		}
		notifier.notify(new CustomerNotice(CustomerNotice.Type.TOGGLE_REFUSED, requestRef, Channel.DASHBOARD,
				toggle.customerId(), theirs.map(RequestRecord::serviceType).orElse(null), toggle.serviceId(),
				refusal.message(), refusal.message(), refusal.reasonCode(), null, null));
		return refusal;
	}

	private ToggleRefusal refusal(ToggleRequested toggle, RequestRecord theirs) {
		if (theirs.serviceType() != ServiceType.C_METAL) {
			return new ToggleRefusal(ReasonCode.OPENED_BY_STAFF, messages.text(CustomerMessage.TOGGLE_OPENED_BY_STAFF,
					theirs.serviceType().contractName(), toggle.serviceId()));
		}
		if (theirs.status().isPending()) {
			return new ToggleRefusal(ReasonCode.NOT_APPROVED,
					messages.text(CustomerMessage.TOGGLE_NOT_APPROVED, toggle.serviceId(), theirs.requestRef()));
		}
		if (theirs.status() == AccessStatus.REVOKED) {
			return new ToggleRefusal(ReasonCode.REVOKED,
					messages.text(CustomerMessage.TOGGLE_REVOKED, toggle.serviceId(),
							Readable.dateTime(theirs.statusSince()), messages.text(why(theirs.reasonCode()))));
		}
		return new ToggleRefusal(ReasonCode.NOT_APPROVED,
				messages.text(CustomerMessage.TOGGLE_NO_ACCESS, toggle.serviceId(), theirs.requestRef()));
	}

	private static CustomerMessage why(ReasonCode revocation) {
		if (revocation == ReasonCode.ABUSE) {
			return CustomerMessage.REVOKED_BECAUSE_OF_ABUSE;
		}
		return (revocation == ReasonCode.INVENTORY_CHANGED) ? CustomerMessage.REVOKED_AS_SERVICE_CHANGED
				: CustomerMessage.REVOKED_BY_STAFF_DECISION;
	}

}
