package net.port25.workflow.request;

import java.time.Instant;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.ServiceType;

/**
 * A request changed its state: published in the transaction that changed it, next to its
 * audit entry, for whoever watches the requests (metrics, logs) rather than decides them.
 *
 * @param from the state before, {@code null} for a request just registered
 * @param submittedAt when the request was registered
 * @param at when the state changed
 */
public record RequestStatusChanged(String requestRef, ServiceType serviceType, AccessStatus from, AccessStatus to,
		String actor, String sourceEventId, Instant submittedAt, Instant at) {
}
