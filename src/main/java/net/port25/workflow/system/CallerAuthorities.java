package net.port25.workflow.system;

/**
 * The authorities the security chains give callers of {@code /api/**}, which the API
 * reads back: a customer's token makes {@link #CUSTOMER} (its name is the customer id), a
 * staff member's Basic credentials {@link #STAFF} and one
 * {@link #GROUP_PREFIX}{@code <groupId>} per group of the engine's identity service (its
 * name is the user id).
 */
public final class CallerAuthorities {

	public static final String CUSTOMER = "ROLE_CUSTOMER";

	public static final String STAFF = "ROLE_STAFF";

	public static final String GROUP_PREFIX = "GROUP_";

	private CallerAuthorities() {
	}

}
