package net.port25.workflow.enablement;

import static org.assertj.core.api.Assertions.assertThat;

import net.port25.workflow.ApplicationConfiguration;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.enablement.EnablementPolicy.Mode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

class EnablementPropertiesTest {

	@Test
	void staffOpenThePortOfCVirtualAndIColocationAndCMetalCustomersSwitchTheirs() {
		ApplicationConfiguration.runner().withUserConfiguration(Enablement.class).run((context) -> {
			EnablementProperties properties = context.getBean(EnablementProperties.class);
			assertThat(properties.modes()).containsEntry(ServiceType.C_VIRTUAL, Mode.STAFF_OPENS_PORT)
				.containsEntry(ServiceType.I_COLOCATION, Mode.STAFF_OPENS_PORT)
				.containsEntry(ServiceType.C_METAL, Mode.CUSTOMER_SWITCH);
		});
	}

	@Test
	void aServiceTypeWithoutModeFailsTheStartNotARunningProcess() {
		ApplicationConfiguration.runner()
			.withUserConfiguration(Enablement.class)
			// a profile's own map replaces the defaults' map entry by entry: blank
			// removes the mode
			.withPropertyValues("port25.enablement.modes.c-metal=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("needs a mode")
				.hasMessageContaining("c-metal"));
	}

	@EnableConfigurationProperties(EnablementProperties.class)
	static class Enablement {

	}

}
