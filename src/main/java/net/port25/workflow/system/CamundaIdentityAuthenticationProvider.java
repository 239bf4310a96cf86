package net.port25.workflow.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Staff sign in to {@code /api/**} with HTTP Basic as users of the engine's identity
 * service, the same users and groups Tasklist and the engine REST API know; there is no
 * second user store. The principal name is the Camunda user id; the authorities are
 * {@code ROLE_STAFF} and {@code GROUP_<groupId>} for each of the user's groups. Camunda
 * counts failed attempts and locks the user out after too many, which also slows down
 * password guessing here.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || !(credentials instanceof String password) || password.isEmpty()
				|| !identityService.checkPassword(userId, password)) {
			throw new BadCredentialsException("Bad credentials");
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(CallerAuthorities.STAFF));
		for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
			authorities.add(new SimpleGrantedAuthority(CallerAuthorities.GROUP_PREFIX + group.getId()));
		}
		// the password is not kept: nothing after authentication needs it
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
