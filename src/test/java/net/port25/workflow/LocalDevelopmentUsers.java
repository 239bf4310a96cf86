package net.port25.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The development users of the embedded run, created once and kept (the admin comes from
 * {@code camunda.bpm.admin-user} in {@code application-embedded.yaml}). This class is
 * test code: no other profile can ever create these users.
 */
class LocalDevelopmentUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LocalDevelopmentUsers.class);

	private record DevelopmentUser(String id, String password, String groupId, String groupName) {
	}

	private static final List<DevelopmentUser> USERS = List.of(
			new DevelopmentUser("reviewer", "reviewer", Port25AccessProcess.GROUP_REVIEWERS, "Port 25 reviewers"),
			new DevelopmentUser("noc", "noc", "noc", "Network operations"));

	private final IdentityService identityService;

	LocalDevelopmentUsers(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public void run(ApplicationArguments args) {
		USERS.forEach(this::ensureExists);
	}

	private void ensureExists(DevelopmentUser wanted) {
		if (identityService.createGroupQuery().groupId(wanted.groupId()).count() == 0) {
			Group group = identityService.newGroup(wanted.groupId());
			group.setName(wanted.groupName());
			group.setType("WORKFLOW");
			identityService.saveGroup(group);
		}
		if (identityService.createUserQuery().userId(wanted.id()).count() == 0) {
			User user = identityService.newUser(wanted.id());
			user.setFirstName(wanted.id());
			user.setLastName("(development)");
			user.setPassword(wanted.password());
			identityService.saveUser(user);
			identityService.createMembership(wanted.id(), wanted.groupId());
			log.info("Development user '{}' created in group '{}'", wanted.id(), wanted.groupId());
		}
	}

}
