package net.port25.workflow.enablement;

import java.util.Optional;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.intake.RequestRecord;
import net.port25.workflow.intake.RequestRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cMetal customer switch. Honoured only for an approved, not revoked cMetal device of
 * that customer; anything else is refused with a reason and sends no network command.
 */
@Service
@Transactional
public class CustomerSwitch {

	private static final Logger log = LoggerFactory.getLogger(CustomerSwitch.class);

	private final RequestRecords records;

	private final CustomerNotifier notifier;

	private final AuditTrail audit;

	private final RuntimeService runtimeService;

	private final Counter unmatched;

	CustomerSwitch(RequestRecords records, CustomerNotifier notifier, AuditTrail audit, RuntimeService runtimeService,
			MeterRegistry meters) {
		this.records = records;
		this.notifier = notifier;
		this.audit = audit;
		this.runtimeService = runtimeService;
		this.unmatched = meters.counter("port25.events.unmatched", "capability", "enablement");
	}

	/** Switches the port, or refuses and says why. Returns the refusal, if any. */
	public Optional<String> toggle(ToggleRequested toggle, String sourceEventId) {
		Optional<RequestRecord> live = records.findLive(toggle.serviceId(), null);
		Optional<String> refusal = refusal(toggle, live);
		if (refusal.isPresent()) {
			refuse(toggle, live, refusal.get(), sourceEventId);
			return refusal;
		}
		runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_TOGGLE_REQUESTED)
			.processInstanceBusinessKey(live.get().requestRef())
			.setVariable(Variables.SWITCH_ENABLED, toggle.enabled())
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlate();
		return Optional.empty();
	}

	private static Optional<String> refusal(ToggleRequested toggle, Optional<RequestRecord> live) {
		if (live.isEmpty()) {
			return Optional.of("device " + toggle.serviceId() + " has no approved port 25 access");
		}
		RequestRecord record = live.get();
		if (!record.customerId().equals(toggle.customerId())) {
			return Optional.of("device " + toggle.serviceId() + " does not belong to customer " + toggle.customerId());
		}
		if (record.serviceType() != ServiceType.C_METAL) {
			return Optional.of("port 25 on " + record.serviceType().contractName() + " services is opened by staff");
		}
		if (!record.status().isGranted()) {
			return Optional.of("the port 25 request for device " + toggle.serviceId() + " is not approved yet");
		}
		return Optional.empty();
	}

	private void refuse(ToggleRequested toggle, Optional<RequestRecord> live, String reason, String sourceEventId) {
		String requestRef = live.map(RequestRecord::requestRef).orElse(null);
		audit.record(AuditEntry.action(requestRef, toggle.serviceId(), Actors.customer(toggle.customerId()),
				"TOGGLE_REFUSED", reason, sourceEventId));
		if (live.isPresent() && live.get().customerId().equals(toggle.customerId())) {
			notifier.notify(live.get()
				.notice(CustomerNotice.Type.TOGGLE_REFUSED, "Port 25 was not switched: " + reason, reason));
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
