package net.port25.workflow.infrastructure;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import net.port25.workflow.access.AccessChangePublisher;
import net.port25.workflow.access.AccessChanged;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;

/**
 * Records what the engine says through its outbound ports, then hands it on to the real
 * implementation (the outbox), so that process tests can assert on it while everything
 * still crosses Kafka as in production. Shared by all integration tests: filter by
 * request reference or service id.
 */
public class RecordingPorts implements CustomerNotifier, NetworkCommands, AccessChangePublisher {

	private final Queue<CustomerNotice> notices = new ConcurrentLinkedQueue<>();

	private final Queue<PortCommand> commands = new ConcurrentLinkedQueue<>();

	private final Queue<AccessChanged> changes = new ConcurrentLinkedQueue<>();

	private final CustomerNotifier notifier;

	private final NetworkCommands network;

	private final AccessChangePublisher publisher;

	RecordingPorts(CustomerNotifier notifier, NetworkCommands network, AccessChangePublisher publisher) {
		this.notifier = notifier;
		this.network = network;
		this.publisher = publisher;
	}

	@Override
	public void notify(CustomerNotice notice) {
		notices.add(notice);
		notifier.notify(notice);
	}

	@Override
	public void send(PortCommand command) {
		commands.add(command);
		network.send(command);
	}

	@Override
	public void publish(AccessChanged change) {
		changes.add(change);
		publisher.publish(change);
	}

	public List<CustomerNotice> noticesFor(String requestRef) {
		return notices.stream().filter(notice -> requestRef.equals(notice.requestRef())).toList();
	}

	public List<CustomerNotice.Type> noticeTypesFor(String requestRef) {
		return noticesFor(requestRef).stream().map(CustomerNotice::type).toList();
	}

	public List<PortCommand> commandsFor(String serviceId) {
		return commands.stream().filter(command -> serviceId.equals(command.serviceId())).toList();
	}

	public List<PortCommand.Action> commandActionsFor(String serviceId) {
		return commandsFor(serviceId).stream().map(PortCommand::action).toList();
	}

	/** The statuses the request went through, in order. */
	public List<AccessStatus> statusesOf(String requestRef) {
		return changes.stream()
			.filter(change -> requestRef.equals(change.requestRef()))
			.map(AccessChanged::status)
			.toList();
	}

}
