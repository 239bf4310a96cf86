package net.port25.workflow.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ServiceType;

/**
 * One port 25 request as the engine keeps it: who asked, the normalised facts, where it
 * stands.
 */
public record RequestRecord(String requestRef, Channel channel, String customerId, RequestFacts facts,
		AccessStatus status, List<MissingFact> missingFacts, List<Finding> findings, Instant createdAt) {

	/**
	 * A request just submitted: nothing is known to be missing yet, and nothing was
	 * found.
	 */
	public static RequestRecord submitted(String requestRef, Channel channel, String customerId, RequestFacts facts) {
		return new RequestRecord(requestRef, channel, customerId, facts, AccessStatus.SUBMITTED, List.of(), List.of(),
				Instant.now());
	}

	public ServiceType serviceType() {
		return facts.serviceType();
	}

	public String serviceId() {
		return facts.serviceId();
	}

	public List<String> ipAddresses() {
		return facts.ipAddresses() == null ? List.of() : facts.ipAddresses();
	}

	/** A reply to the customer about this request; {@code reason} may be null. */
	public CustomerNotice notice(CustomerNotice.Type type, String message, String reason) {
		return new CustomerNotice(type, requestRef, channel, customerId, serviceType(), serviceId(), message, reason,
				null, null);
	}

	/**
	 * A command to network automation for this request's service and IP addresses, with a
	 * fresh command id.
	 */
	public PortCommand portCommand(PortCommand.Action action, String reason) {
		return new PortCommand(action, UUID.randomUUID().toString(), serviceType(), serviceId(), ipAddresses(), reason,
				requestRef);
	}

}
