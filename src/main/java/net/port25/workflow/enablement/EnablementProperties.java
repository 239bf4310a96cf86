package net.port25.workflow.enablement;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import net.port25.workflow.access.ServiceType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who opens the port once access is approved, per service type, and when an unopened port
 * is escalated to the leads. Every service type needs a mode: a missing one fails the
 * start, not a running process.
 */
@Validated
@ConfigurationProperties("port25.enablement")
public record EnablementProperties(@NotNull Map<ServiceType, EnablementPolicy.Mode> modes,
		@NotNull Duration escalateAfter) {

	@AssertTrue(
			message = "needs a mode (STAFF_OPENS_PORT or CUSTOMER_SWITCH) for each of c-virtual, c-metal and i-colocation")
	boolean isEveryServiceTypeConfigured() {
		return modes != null && Arrays.stream(ServiceType.values()).allMatch((type) -> modes.get(type) != null);
	}

}
