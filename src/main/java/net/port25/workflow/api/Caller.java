package net.port25.workflow.api;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.Actors;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.system.CallerAuthorities;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who calls the API: a customer (bearer token with the customer id claim) or a staff
 * member (HTTP Basic against the engine's identity service, with their groups). Every
 * rule about what a caller may see or do is here.
 *
 * @param customerId the customer's id, or null for staff
 * @param staffUser the staff member's user id, or null for a customer
 * @param groups the staff member's groups (empty for a customer)
 */
record Caller(String customerId, String staffUser, Set<String> groups) {

	/**
	 * The caller behind the authentication the security chain made (see
	 * {@link CallerAuthorities}); anything that is neither customer nor staff may do
	 * nothing here.
	 */
	static Caller of(Authentication authentication) {
		Set<String> authorities = authentication == null || !authentication.isAuthenticated() ? Set.of()
				: authorities(authentication);
		if (authorities.contains(CallerAuthorities.CUSTOMER)) {
			return new Caller(authentication.getName(), null, Set.of());
		}
		if (authorities.contains(CallerAuthorities.STAFF)) {
			Set<String> groups = authorities.stream()
				.filter(authority -> authority.startsWith(CallerAuthorities.GROUP_PREFIX))
				.map(authority -> authority.substring(CallerAuthorities.GROUP_PREFIX.length()))
				.collect(Collectors.toUnmodifiableSet());
			return new Caller(null, authentication.getName(), groups);
		}
		throw new Forbidden("neither a customer nor a staff member");
	}

	boolean isCustomer() {
		return customerId != null;
	}

	/** Reviewers, the NOC and administrators see every request and service. */
	boolean readsEverything() {
		return inAnyGroup(Port25AccessProcess.GROUP_REVIEWERS, Port25AccessProcess.GROUP_NOC, Groups.CAMUNDA_ADMIN);
	}

	/**
	 * Whether the caller may see what belongs to this customer: a customer sees only
	 * their own.
	 */
	boolean sees(String ownerCustomerId) {
		return readsEverything() || (isCustomer() && customerId.equals(ownerCustomerId));
	}

	/**
	 * The entries of an audit trail the caller may read. Staff read all of it. A customer
	 * does not read what someone else tried and was refused (another customer's toggle of
	 * their device, a staff member without the right group) nor anything another customer
	 * did: it would tell them who else tried.
	 */
	List<AuditEntry> readable(List<AuditEntry> trail) {
		if (readsEverything()) {
			return trail;
		}
		return trail.stream()
			.filter((entry) -> actor().equals(entry.actor()) || !(refused(entry) || byACustomer(entry)))
			.toList();
	}

	private static boolean refused(AuditEntry entry) {
		return entry.action().isRefusal();
	}

	private static boolean byACustomer(AuditEntry entry) {
		return Actors.isCustomer(entry.actor());
	}

	/**
	 * Staff outside the port 25 groups have no business here; customers are limited
	 * record by record.
	 */
	void requireReader() {
		if (!isCustomer() && !readsEverything()) {
			throw new Forbidden("staff need the group port25-reviewers, noc or camunda-admin");
		}
	}

	/**
	 * Revoking by hand is a reviewer's (or an administrator's) decision, not the NOC's or
	 * a customer's.
	 */
	boolean mayRevoke() {
		return inAnyGroup(Port25AccessProcess.GROUP_REVIEWERS, Groups.CAMUNDA_ADMIN);
	}

	/**
	 * Customers act on their own behalf only; staff who decide requests may act for any
	 * customer.
	 */
	void requireActingFor(String ownerCustomerId) {
		if (isCustomer() ? !customerId.equals(ownerCustomerId)
				: !inAnyGroup(Port25AccessProcess.GROUP_REVIEWERS, Groups.CAMUNDA_ADMIN)) {
			// the id is the caller's own input: never echoed back
			throw new Forbidden("not allowed to act for this customer");
		}
	}

	void requireCustomer() {
		if (!isCustomer()) {
			throw new Forbidden("only the customer may do this");
		}
	}

	/** The actor for the audit trail and {@code port25.access.changed}. */
	String actor() {
		return isCustomer() ? Actors.customer(customerId) : staffUser;
	}

	private boolean inAnyGroup(String... wanted) {
		for (String group : wanted) {
			if (groups.contains(group)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> authorities(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
	}

}
