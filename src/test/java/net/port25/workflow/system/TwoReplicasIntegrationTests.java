package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.SecondReplica;
import net.port25.workflow.infrastructure.StaffUsers;
import net.port25.workflow.infrastructure.StaffUsers.StaffUser;
import net.port25.workflow.infrastructure.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two engine replicas on one database, as behind a load balancer without cookie affinity:
 * a staff member logged in to Tasklist on one goes on working on the other, with the same
 * session and CSRF token, because the webapps' sessions live in PostgreSQL (Spring
 * Session JDBC).
 */
@IntegrationTest
class TwoReplicasIntegrationTests {

	private static final String CURRENT_USER = "/camunda/api/admin/auth/user/default";

	@LocalServerPort
	int port;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	IdentityService identityService;

	@Test
	void aTasklistLoginOnOneReplicaServesTheStaffMemberOnTheOther() throws Exception {
		StaffUser reviewer = StaffUsers.create(identityService, "replicas", Port25AccessProcess.GROUP_REVIEWERS);
		try (SecondReplica second = SecondReplica.start(infrastructure)) {
			WebappSession onFirst = WebappSession.logIn(port, reviewer);
			WebappSession onSecond = onFirst.on(second.port());

			HttpResponse<String> user = onSecond.get(CURRENT_USER);
			assertThat(user.statusCode()).isEqualTo(200);
			assertThat(user.body()).contains("\"userId\":\"" + reviewer.id() + "\"");
			// a state-changing call: the CSRF token the first replica handed out is good
			// on the second
			assertThat(onSecond.postJson("/camunda/api/engine/engine/default/task/count", "{}").statusCode())
				.isEqualTo(200);

			assertThat(onSecond.postForm(CURRENT_USER + "/logout", "").statusCode()).isEqualTo(200);
			assertThat(onFirst.get(CURRENT_USER).statusCode()).isNotEqualTo(200);
		}
	}

}
