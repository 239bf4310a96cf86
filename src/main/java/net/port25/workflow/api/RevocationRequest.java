package net.port25.workflow.api;

import jakarta.validation.constraints.NotBlank;
import net.port25.workflow.access.FreeText;

/** A staff revocation; the reason goes to the customer and the audit trail. */
record RevocationRequest(@NotBlank @FreeText String reason) {
}
