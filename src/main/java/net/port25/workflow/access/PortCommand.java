package net.port25.workflow.access;

import java.util.List;

/** An instruction to network automation ({@code port25.network.commands}). */
public record PortCommand(Action action, String commandId, ServiceType serviceType, String serviceId,
		List<String> ipAddresses, String reason, String requestRef) {

	public enum Action {

		OPEN("port25.port.open"), CLOSE("port25.port.close");

		private final String eventType;

		Action(String eventType) {
			this.eventType = eventType;
		}

		public String eventType() {
			return eventType;
		}

	}

}
