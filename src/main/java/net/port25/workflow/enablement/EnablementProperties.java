package net.port25.workflow.enablement;

import java.util.Map;

import net.port25.workflow.access.ServiceType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who opens the port once access is approved, per service type. */
@ConfigurationProperties("port25.enablement")
public record EnablementProperties(Map<ServiceType, EnablementPolicy.Mode> modes) {

	public EnablementProperties {
		modes = modes == null ? Map.of() : Map.copyOf(modes);
	}

}
