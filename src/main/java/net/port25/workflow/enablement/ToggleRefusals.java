package net.port25.workflow.enablement;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.RequestRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A refused switch is kept in the audit trail, and its owner told why. */
@Component
class ToggleRefusals {

	private static final Logger log = LoggerFactory.getLogger(ToggleRefusals.class);

	private final AuditTrail audit;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	private final Counter unmatched;

	ToggleRefusals(AuditTrail audit, CustomerNotifier notifier, CustomerMessages messages, MeterRegistry meters) {
		this.audit = audit;
		this.notifier = notifier;
		this.messages = messages;
		this.unmatched = meters.counter("port25.events.unmatched", "capability", "enablement");
	}

	void refuse(ToggleRequested toggle, Optional<RequestRecord> live, String reason, String sourceEventId) {
		audit.record(AuditEntry.action(live.map(RequestRecord::requestRef).orElse(null), toggle.serviceId(),
				Actors.customer(toggle.customerId()), AuditAction.TOGGLE_REFUSED, reason, sourceEventId));
		if (live.isPresent() && live.get().customerId().equals(toggle.customerId())) {
			notifier.notify(live.get()
				.notice(CustomerNotice.Type.TOGGLE_REFUSED, messages.text(CustomerMessage.TOGGLE_REFUSED, reason),
						reason));
		}
		else {
			unmatched.increment();
			// no reply to a customer about a device that is not theirs: that would tell
			// them whose it is
			log.warn("Toggle of {} by customer {} refused: {} (event {})", toggle.serviceId(), toggle.customerId(),
					reason, sourceEventId);
		}
	}

}
