package net.port25.workflow.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A staff revocation; the reason goes to the customer and the audit trail. */
record RevocationRequest(@NotBlank @Size(max = 2000) String reason) {
}
