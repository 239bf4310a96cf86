package net.port25.workflow.access;

/**
 * Port: publishes a change of access state. Written in the caller's transaction, sent
 * after commit.
 */
public interface AccessChangePublisher {

	void publish(AccessChanged change);

}
