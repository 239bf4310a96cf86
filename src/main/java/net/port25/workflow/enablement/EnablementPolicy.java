package net.port25.workflow.enablement;

import net.port25.workflow.access.CustomerMessage;
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
		STAFF_OPENS_PORT(CustomerMessage.APPROVED_STAFF_OPENS_PORT),

		/**
		 * The customer switches the port on and off from the dashboard; approval leaves
		 * it closed.
		 */
		CUSTOMER_SWITCH(CustomerMessage.APPROVED_CUSTOMER_SWITCH);

		private final CustomerMessage approvalMessage;

		Mode(CustomerMessage approvalMessage) {
			this.approvalMessage = approvalMessage;
		}

		/** What the customer is told on approval. */
		public CustomerMessage approvalMessage() {
			return approvalMessage;
		}

	}

	private final EnablementProperties properties;

	EnablementPolicy(EnablementProperties properties) {
		this.properties = properties;
	}

	/** Configured for every service type: the properties are checked at start-up. */
	public Mode modeFor(ServiceType serviceType) {
		return properties.modes().get(serviceType);
	}

}
