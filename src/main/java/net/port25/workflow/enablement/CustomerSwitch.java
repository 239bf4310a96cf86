package net.port25.workflow.enablement;

import java.util.Optional;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cMetal customer switch. Honoured only for an approved, not revoked cMetal device of
 * that customer; anything else is refused, answered to the sender with the reason, and
 * sends no network command.
 */
@Service
@Transactional
public class CustomerSwitch {

	private final Requests requests;

	private final ToggleRefusals refusals;

	private final ServiceInventory inventory;

	private final RuntimeService runtimeService;

	CustomerSwitch(Requests requests, ToggleRefusals refusals, ServiceInventory inventory,
			RuntimeService runtimeService) {
		this.requests = requests;
		this.refusals = refusals;
		this.inventory = inventory;
		this.runtimeService = runtimeService;
	}

	/** Switches the port, or refuses and says why. Returns the refusal, if any. */
	public Optional<ToggleRefusal> toggle(ToggleRequested toggle, String sourceEventId) {
		Optional<RequestRecord> live = requests.lockLive(toggle.serviceId(), null);
		if (listedUnderSomeoneElse(toggle)) {
			return Optional.of(refusals.refuseNotTheirs(toggle, sourceEventId));
		}
		if (live.isEmpty() || !honoured(toggle, live.get())) {
			return Optional.of(refusals.refuse(toggle, live, sourceEventId));
		}
		runtimeService.createMessageCorrelation(Port25AccessProcess.MESSAGE_TOGGLE_REQUESTED)
			.processInstanceBusinessKey(live.get().requestRef())
			.setVariable(Variables.SWITCH_ENABLED, toggle.enabled())
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlate();
		return Optional.empty();
	}

	private boolean listedUnderSomeoneElse(ToggleRequested toggle) {
		return inventory.find(toggle.serviceId())
			.filter((service) -> !service.customerId().equals(toggle.customerId()))
			.isPresent();
	}

	private static boolean honoured(ToggleRequested toggle, RequestRecord live) {
		return live.customerId().equals(toggle.customerId()) && live.serviceType() == ServiceType.C_METAL
				&& live.status().isGranted();
	}

}
