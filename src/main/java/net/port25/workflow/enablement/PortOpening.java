package net.port25.workflow.enablement;

import java.util.List;

import net.port25.workflow.TaskCompletionRefused;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Readable;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/**
 * Staff open the port of an approved service: what the NOC needs to know, and the record
 * that they did.
 */
@Service
public class PortOpening {

	private final Requests requests;

	private final ServiceInventory inventory;

	private final AuditTrail audit;

	PortOpening(Requests requests, ServiceInventory inventory, AuditTrail audit) {
		this.requests = requests;
		this.inventory = inventory;
		this.audit = audit;
	}

	/**
	 * The form's text: which service to open, for which addresses, for whom, approved by
	 * whom and when.
	 */
	public String whatToOpen(String requestRef) {
		RequestRecord record = requests.get(requestRef);
		AuditEntry approval = approval(requestRef);
		return String.join("\n", "- **Service:** " + record.serviceType().contractName() + " " + record.serviceId(),
				"- **Customer:** " + record.customerId(),
				"- **Hostname:** " + (record.facts().hostname() == null ? "not given" : record.facts().hostname()),
				"- **IP addresses to open:** " + Readable.list(addresses(record)),
				"- **Request:** " + record.requestRef(), "- **Approved by:** " + (approval == null ? "unknown"
						: approval.actor() + " on " + Readable.dateTime(approval.at())));
	}

	/**
	 * Completing the task says the port is open: refused unless {@code opened} is true;
	 * recorded otherwise.
	 */
	public void opened(String requestRef, Object opened, String staff) {
		if (!Boolean.TRUE.equals(opened)) {
			throw new TaskCompletionRefused("complete openPort25 only once port 25 is open (opened = true)");
		}
		RequestRecord record = requests.get(requestRef);
		audit.record(AuditEntry.action(requestRef, record.serviceId(), staff, AuditAction.PORT_OPENED,
				"port 25 opened for " + Readable.list(addresses(record)), null));
	}

	private List<String> addresses(RequestRecord record) {
		return inventory.stillHeld(record.serviceId(), record.approvedIpAddresses());
	}

	private AuditEntry approval(String requestRef) {
		return audit.forRequest(requestRef)
			.stream()
			.filter((entry) -> AccessStatus.APPROVED.name().equals(entry.toStatus()))
			.reduce((first, second) -> second)
			.orElse(null);
	}

}
