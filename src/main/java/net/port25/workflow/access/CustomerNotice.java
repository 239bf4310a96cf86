package net.port25.workflow.access;

import java.util.List;

/**
 * What the customer is told, on the channel the request came from
 * ({@code port25.replies}). {@code reason}, {@code reasonCode}, {@code missingFields} and
 * {@code questions} are set only for the types that carry them; {@code requestRef} and
 * {@code channel} are absent only from a refused toggle by a customer with no request for
 * the device.
 */
public record CustomerNotice(Type type, String requestRef, Channel channel, String customerId, ServiceType serviceType,
		String serviceId, String message, String reason, ReasonCode reasonCode, List<String> missingFields,
		String questions) {

	/** The contract's reply types. */
	public enum Type {

		INFO_REQUESTED("port25.info.requested"), REMINDER_SENT("port25.reminder.sent"),
		REQUEST_APPROVED("port25.request.approved"), REQUEST_REJECTED("port25.request.rejected"),
		REQUEST_CLOSED("port25.request.closed"), ACCESS_REVOKED("port25.access.revoked"),
		TOGGLE_REFUSED("port25.toggle.refused"),

		/** Contract 1.1: staff opened the port (iColocation, cVirtual). */
		ACCESS_ENABLED("port25.access.enabled"),

		/**
		 * An answer or withdrawal the request cannot take (unknown, ended, or not asked
		 * for): an extension.
		 */
		REQUEST_NOT_OPEN("port25.request.not-open");

		private final String eventType;

		Type(String eventType) {
			this.eventType = eventType;
		}

		public String eventType() {
			return eventType;
		}

	}

}
