package net.port25.workflow;

/**
 * The CloudEvents types of the contract's inbound events. The Kafka edge reads them; the
 * process's messages that correlate them are named after them
 * ({@link Port25AccessProcess}). Outbound types live with their payloads
 * ({@code CustomerNotice.Type}, {@code PortCommand.Action}).
 */
public final class EventTypes {

	public static final String REQUEST_SUBMITTED = "port25.request.submitted";

	public static final String INFORMATION_PROVIDED = "port25.request.info-provided";

	public static final String REQUEST_WITHDRAWN = "port25.request.withdrawn";

	public static final String TOGGLE_REQUESTED = "port25.toggle.requested";

	public static final String ABUSE_DETECTED = "port25.abuse.detected";

	public static final String SERVICE_CHANGED = "port25.service.changed";

	public static final String ACCESS_CHANGED = "port25.access.changed";

	private EventTypes() {
	}

}
