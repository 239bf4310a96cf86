package net.port25.workflow.access;

/**
 * Port: tells the customer something. Implementations write in the caller's transaction
 * and send after commit.
 */
public interface CustomerNotifier {

	void notify(CustomerNotice notice);

}
