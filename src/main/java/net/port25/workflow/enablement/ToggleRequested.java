package net.port25.workflow.enablement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** {@code port25.toggle.requested}: the cMetal customer switches port 25 on or off. */
public record ToggleRequested(@NotBlank String serviceId, @NotBlank String customerId, @NotNull Boolean enabled) {
}
