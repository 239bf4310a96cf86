package net.port25.workflow.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The states of a request and of the access it grants, as published on
 * {@code port25.access.changes}.
 */
public enum AccessStatus {

	SUBMITTED, INFO_REQUESTED, IN_REVIEW, APPROVED, ENABLED, DISABLED, REJECTED, CLOSED, WITHDRAWN, REVOKED;

	private static final Set<AccessStatus> PENDING = Collections
		.unmodifiableSet(EnumSet.of(SUBMITTED, INFO_REQUESTED, IN_REVIEW));

	private static final Set<AccessStatus> GRANTED = Collections
		.unmodifiableSet(EnumSet.of(APPROVED, ENABLED, DISABLED));

	/**
	 * Pending or granted: the one live request a service may have. The database's partial
	 * unique index on {@code access_request} lists the same states.
	 */
	public static final Set<AccessStatus> LIVE = Collections.unmodifiableSet(union(PENDING, GRANTED));

	/** A request still being decided. */
	public boolean isPending() {
		return PENDING.contains(this);
	}

	/** Access approved and not ended: the port may be open. */
	public boolean isGranted() {
		return GRANTED.contains(this);
	}

	public boolean isLive() {
		return LIVE.contains(this);
	}

	/** The state as staff read it: {@code In review}. */
	public String inWords() {
		String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static Set<AccessStatus> union(Set<AccessStatus> some, Set<AccessStatus> others) {
		Set<AccessStatus> union = EnumSet.copyOf(some);
		union.addAll(others);
		return union;
	}

}
