package net.port25.workflow.api;

import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import net.port25.workflow.enablement.CustomerSwitch;
import net.port25.workflow.enablement.ToggleRefusal;
import net.port25.workflow.enablement.ToggleRequested;
import net.port25.workflow.revocation.StaffRevocation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/services/{serviceId}")
@Tag(name = "Service access", description = "Port 25 access of a service: state, customer switch, revocation")
class ServiceAccessController {

	private final AccessStates states;

	private final CustomerSwitch customerSwitch;

	private final StaffRevocation revocation;

	ServiceAccessController(AccessStates states, CustomerSwitch customerSwitch, StaffRevocation revocation) {
		this.states = states;
		this.customerSwitch = customerSwitch;
		this.revocation = revocation;
	}

	@GetMapping("/access")
	@Operation(summary = "The service's access state and history")
	AccessState access(Caller caller, @PathVariable String serviceId) {
		return states.visibleTo(caller, serviceId);
	}

	@PutMapping("/access")
	@Operation(summary = "The cMetal customer switch: port 25 on or off (the device's customer only)")
	AccessState switchPort(Caller caller, @PathVariable String serviceId, @Valid @RequestBody SwitchRequest request) {
		caller.requireCustomer();
		// through the switch even when it refuses: it answers and records every attempt,
		// as for the toggle event
		Optional<ToggleRefusal> refusal = customerSwitch
			.toggle(new ToggleRequested(serviceId, caller.customerId(), request.enabled()), "api-" + UUID.randomUUID());
		if (refusal.isPresent()) {
			// another customer's device and an unknown one read the same: not found for
			// this account
			throw refusal.get().isNotTheirs() ? new RequestNotFound(refusal.get().message())
					: new Conflict(refusal.get().message());
		}
		return states.visibleTo(caller, serviceId);
	}

	@PostMapping("/revocation")
	@Operation(summary = "Revokes the service's granted access by hand, with a reason (reviewers)")
	AccessState revoke(Caller caller, @PathVariable String serviceId, @Valid @RequestBody RevocationRequest request) {
		if (!caller.mayRevoke()) {
			String refusal = "revoking access needs the group port25-reviewers or camunda-admin";
			revocation.refuse(serviceId, caller.actor(), refusal);
			throw new Forbidden(refusal);
		}
		if (states.current(serviceId).isEmpty()) {
			throw new RequestNotFound("no port 25 access known for service " + serviceId);
		}
		revocation.revoke(serviceId, request.reason(), caller.actor()).ifPresent(refusal -> {
			throw new Conflict(refusal);
		});
		return states.visibleTo(caller, serviceId);
	}

}
