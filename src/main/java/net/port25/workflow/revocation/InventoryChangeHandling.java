package net.port25.workflow.revocation;

import java.util.List;
import java.util.Optional;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.inventory.InventoryChanged;
import net.port25.workflow.inventory.ServiceRecord;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the provisioning system changes a service, access granted on the old record ends
 * with it, in the same transaction: released, suspended or moved to another customer
 * revokes at once ({@code inventory-changed}) and closes a pending request the same way;
 * an approved address that leaves the service is closed at once.
 */
@Component
class InventoryChangeHandling {

	private final Requests requests;

	private final NetworkCommands network;

	private final AuditTrail audit;

	private final RuntimeService runtimeService;

	InventoryChangeHandling(Requests requests, NetworkCommands network, AuditTrail audit,
			RuntimeService runtimeService) {
		this.requests = requests;
		this.network = network;
		this.audit = audit;
		this.runtimeService = runtimeService;
	}

	@EventListener
	void on(InventoryChanged change) {
		ServiceRecord service = change.after();
		Optional<RequestRecord> live = requests.lockLive(service.serviceId(), null);
		if (live.isEmpty()) {
			return;
		}
		RequestRecord record = live.get();
		boolean changedHands = change.changesHands() || !record.customerId().equals(service.customerId())
				|| (record.serviceType() != null && record.serviceType() != service.serviceType());
		if (record.status().isPending()) {
			if (changedHands) {
				correlate(Port25AccessProcess.MESSAGE_REFUSE_REQUEST, record, Variables.REFUSAL_REASON_CODE);
			}
			return;
		}
		List<String> held = service.stillHeld(record.approvedIpAddresses());
		if (changedHands || held.isEmpty()) {
			correlate(Port25AccessProcess.MESSAGE_REVOKE_ACCESS, record, Variables.REVOCATION_REASON_CODE);
			return;
		}
		closeAddressesThatLeft(record, held);
	}

	private void closeAddressesThatLeft(RequestRecord record, List<String> held) {
		List<String> left = record.approvedIpAddresses().stream().filter((ip) -> !held.contains(ip)).toList();
		if (left.isEmpty()) {
			return;
		}
		String reason = "approved addresses left the service: " + String.join(", ", left);
		network.send(record.portCommand(PortCommand.Action.CLOSE, left, reason));
		audit.record(AuditEntry.action(record.requestRef(), record.serviceId(), Actors.INVENTORY,
				AuditAction.ADDRESSES_CLOSED, reason, null));
	}

	private void correlate(String message, RequestRecord record, String reasonCodeVariable) {
		runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(record.requestRef())
			.setVariable(reasonCodeVariable, ReasonCode.INVENTORY_CHANGED.code())
			.setVariable(Variables.REVOCATION_REASON, "the service changed in the inventory")
			.setVariable(Variables.ACTOR, Actors.INVENTORY)
			.correlate();
	}

}
