package net.port25.workflow.intake;

import jakarta.validation.constraints.NotBlank;
import net.port25.workflow.access.FreeText;
import net.port25.workflow.access.SingleLine;

/**
 * {@code port25.request.withdrawn}: the customer withdrew the request, or gives up the
 * access.
 */
public record RequestWithdrawn(@NotBlank @SingleLine String requestRef, @FreeText String reason) {
}
