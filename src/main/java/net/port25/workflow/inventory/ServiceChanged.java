package net.port25.workflow.inventory;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import net.port25.workflow.access.IpLiteral;
import net.port25.workflow.access.ServiceType;

/**
 * {@code port25.service.changed} (contract 1.1): the current state of one service, from
 * the provisioning system.
 */
public record ServiceChanged(@NotBlank String serviceId, @NotNull ServiceType serviceType, @NotBlank String customerId,
		@NotNull List<@IpLiteral String> ipAddresses, @NotNull ServiceStatus status, @NotNull Instant at) {
}
