package net.port25.workflow.enablement;

import net.port25.workflow.access.ServiceType;
import org.springframework.stereotype.Component;

/**
 * How approved access becomes an open port, by service type (configured in
 * {@code port25.enablement.modes}).
 */
@Component
public class EnablementPolicy {

	public enum Mode {

		/**
		 * Staff open the port ({@code openPort25}); the access is ENABLED from then on.
		 */
		STAFF_OPENS_PORT("Your port 25 request was approved. Our network team will open port 25 shortly."),

		/**
		 * The customer switches the port on and off from the dashboard; approval leaves
		 * it closed.
		 */
		CUSTOMER_SWITCH("Your port 25 request was approved. You can now switch port 25 on and off from the dashboard.");

		private final String approvalMessage;

		Mode(String approvalMessage) {
			this.approvalMessage = approvalMessage;
		}

		public String approvalMessage() {
			return approvalMessage;
		}

	}

	private final EnablementProperties properties;

	EnablementPolicy(EnablementProperties properties) {
		this.properties = properties;
	}

	public Mode modeFor(ServiceType serviceType) {
		Mode mode = properties.modes().get(serviceType);
		if (mode == null) {
			throw new IllegalStateException(
					"No enablement mode configured for service type " + serviceType + " (port25.enablement.modes)");
		}
		return mode;
	}

}
