package net.port25.workflow.enablement;

import java.util.Optional;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cMetal customer switch. Honoured only for an approved, not revoked cMetal device of
 * that customer; anything else is refused with a reason and sends no network command.
 */
@Service
@Transactional
public class CustomerSwitch {

	private final Requests requests;

	private final ToggleRefusals refusals;

	private final CustomerMessages messages;

	private final RuntimeService runtimeService;

	CustomerSwitch(Requests requests, ToggleRefusals refusals, CustomerMessages messages,
			RuntimeService runtimeService) {
		this.requests = requests;
		this.refusals = refusals;
		this.messages = messages;
		this.runtimeService = runtimeService;
	}

	/** Switches the port, or refuses and says why. Returns the refusal, if any. */
	public Optional<String> toggle(ToggleRequested toggle, String sourceEventId) {
		Optional<RequestRecord> live = requests.findLive(toggle.serviceId(), null);
		Optional<String> refusal = refusal(toggle, live);
		if (refusal.isPresent()) {
			refusals.refuse(toggle, live, refusal.get(), sourceEventId);
			return refusal;
		}
		runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_TOGGLE_REQUESTED)
			.processInstanceBusinessKey(live.get().requestRef())
			.setVariable(Variables.SWITCH_ENABLED, toggle.enabled())
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlate();
		return Optional.empty();
	}

	private Optional<String> refusal(ToggleRequested toggle, Optional<RequestRecord> live) {
		if (live.isEmpty()) {
			return Optional.of(messages.text(CustomerMessage.TOGGLE_REFUSED_NO_ACCESS, toggle.serviceId()));
		}
		RequestRecord record = live.get();
		if (!record.customerId().equals(toggle.customerId())) {
			return Optional
				.of(messages.text(CustomerMessage.TOGGLE_REFUSED_NOT_THEIRS, toggle.serviceId(), toggle.customerId()));
		}
		if (record.serviceType() != ServiceType.C_METAL) {
			return Optional
				.of(messages.text(CustomerMessage.TOGGLE_REFUSED_OPENED_BY_STAFF, record.serviceType().contractName()));
		}
		if (!record.status().isGranted()) {
			return Optional.of(messages.text(CustomerMessage.TOGGLE_REFUSED_NOT_APPROVED, toggle.serviceId()));
		}
		return Optional.empty();
	}

}
