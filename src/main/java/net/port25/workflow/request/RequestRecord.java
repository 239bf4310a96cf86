package net.port25.workflow.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.access.ServiceType;

/**
 * One port 25 request as the engine keeps it: who asked, the normalised facts, where it
 * stands.
 *
 * @param approvedIpAddresses the IP addresses as they were approved, frozen from then on;
 * empty before approval
 * @param reasonCode why the request ended (rejected, closed, revoked); null while it has
 * not
 * @param statusSince when it entered its present state
 */
public record RequestRecord(String requestRef, Channel channel, String customerId, RequestFacts facts,
		AccessStatus status, List<MissingFact> missingFacts, List<Finding> findings, Instant createdAt,
		List<String> approvedIpAddresses, ReasonCode reasonCode, Instant statusSince) {

	/**
	 * A request just submitted: nothing is known to be missing yet, and nothing was
	 * found.
	 */
	public static RequestRecord submitted(String requestRef, Channel channel, String customerId, RequestFacts facts) {
		Instant now = Instant.now();
		return new RequestRecord(requestRef, channel, customerId, facts, AccessStatus.SUBMITTED, List.of(), List.of(),
				now, List.of(), null, now);
	}

	public ServiceType serviceType() {
		return facts.serviceType();
	}

	public String serviceId() {
		return facts.serviceId();
	}

	/**
	 * The IP addresses the request names now; once approved, port commands use
	 * {@link #approvedIpAddresses}.
	 */
	public List<String> ipAddresses() {
		return facts.ipAddresses() == null ? List.of() : facts.ipAddresses();
	}

	/** A reply to the customer about this request; {@code reason} may be null. */
	public CustomerNotice notice(CustomerNotice.Type type, String message, String reason) {
		return notice(type, message, reason, null);
	}

	/** A reply that says why the request ended, or why something was refused. */
	public CustomerNotice notice(CustomerNotice.Type type, String message, String reason, ReasonCode reasonCode) {
		return new CustomerNotice(type, requestRef, channel, customerId, serviceType(), serviceId(), message, reason,
				reasonCode, null, null);
	}

	/**
	 * A command to network automation for the approved IP addresses, with a fresh command
	 * id.
	 */
	public PortCommand portCommand(PortCommand.Action action, String reason) {
		return portCommand(action, approvedIpAddresses, reason);
	}

	/**
	 * A command for these IP addresses of the service (those approved that it still
	 * holds).
	 */
	public PortCommand portCommand(PortCommand.Action action, List<String> ipAddresses, String reason) {
		return new PortCommand(action, UUID.randomUUID().toString(), serviceType(), serviceId(), ipAddresses, reason,
				requestRef);
	}

}
