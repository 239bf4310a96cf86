package net.port25.workflow.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a request and of the access it grants, as published on
 * {@code port25.access.changes}.
 */
public enum AccessStatus {

	SUBMITTED, INFO_REQUESTED, IN_REVIEW, APPROVED, ENABLED, DISABLED, REJECTED, CLOSED, WITHDRAWN, REVOKED;

	private static final Set<AccessStatus> PENDING = EnumSet.of(SUBMITTED, INFO_REQUESTED, IN_REVIEW);

	private static final Set<AccessStatus> GRANTED = EnumSet.of(APPROVED, ENABLED, DISABLED);

	/** A request still being decided. */
	public boolean isPending() {
		return PENDING.contains(this);
	}

	/** Access approved and not ended: the port may be open. */
	public boolean isGranted() {
		return GRANTED.contains(this);
	}

	/** Pending or granted: the one live request a service may have. */
	public boolean isLive() {
		return isPending() || isGranted();
	}

}
