package net.port25.workflow.enablement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import net.port25.workflow.access.SingleLine;

/** {@code port25.toggle.requested}: the cMetal customer switches port 25 on or off. */
public record ToggleRequested(@NotBlank @SingleLine String serviceId, @NotBlank @SingleLine String customerId,
		@NotNull Boolean enabled) {
}
