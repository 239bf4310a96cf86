package net.port25.workflow.infrastructure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** New staff users in the engine's identity service, for tests that call as staff. */
public final class StaffUsers {

	public record StaffUser(String id, String password) {

		/** The value of an {@code Authorization} header with these credentials. */
		public String basicAuthorization() {
			return "Basic "
					+ Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

	}

	private StaffUsers() {
	}

	/**
	 * A new user in these groups (none: staff outside every port 25 group); missing
	 * groups are created.
	 */
	public static StaffUser create(IdentityService identityService, String prefix, String... groups) {
		String userId = (prefix + "-" + UUID.randomUUID()).toLowerCase();
		String password = "secret-" + userId;
		User user = identityService.newUser(userId);
		user.setFirstName(userId);
		user.setLastName("(test)");
		user.setPassword(password);
		identityService.saveUser(user);
		for (String groupId : groups) {
			ensureGroup(identityService, groupId);
			identityService.createMembership(userId, groupId);
		}
		return new StaffUser(userId, password);
	}

	// tests share the database: another test may have created the group already
	private static void ensureGroup(IdentityService identityService, String groupId) {
		if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = identityService.newGroup(groupId);
			group.setName(groupId);
			group.setType("WORKFLOW");
			identityService.saveGroup(group);
		}
	}

}
