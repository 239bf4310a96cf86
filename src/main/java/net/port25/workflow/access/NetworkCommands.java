package net.port25.workflow.access;

/**
 * Port: sends a command to network automation. Written in the caller's transaction, sent
 * after commit.
 */
public interface NetworkCommands {

	void send(PortCommand command);

}
