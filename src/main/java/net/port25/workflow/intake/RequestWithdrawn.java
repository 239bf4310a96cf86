package net.port25.workflow.intake;

import jakarta.validation.constraints.NotBlank;

/**
 * {@code port25.request.withdrawn}: the customer withdrew the request, or gives up the
 * access.
 */
public record RequestWithdrawn(@NotBlank String requestRef, String reason) {
}
