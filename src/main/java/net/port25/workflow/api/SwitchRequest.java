package net.port25.workflow.api;

import jakarta.validation.constraints.NotNull;

/** The cMetal customer switch: port 25 on or off. */
record SwitchRequest(@NotNull Boolean enabled) {
}
