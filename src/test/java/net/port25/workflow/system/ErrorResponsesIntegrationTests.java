package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.StaffUsers;
import net.port25.workflow.infrastructure.WebappSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every refusal over HTTP is an RFC 9457 problem detail, whoever refuses: Spring's
 * firewall, Tomcat itself before any servlet, the webapps' own API. The engine REST API
 * keeps Camunda's error shape, which its clients (Tasklist among them) read.
 */
@IntegrationTest
class ErrorResponsesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizations;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					a URL the firewall refuses (encoded dot segment)  | GET /api/requests/%2e%2e/x HTTP/1.1      | 400
					a URL the firewall refuses (double slash)         | GET //api/requests HTTP/1.1              | 400
					a character Tomcat refuses in the request target  | GET /api/requests/a{b HTTP/1.1           | 400
					a request line Tomcat cannot parse                | GET /api/requests HTTP/9.x               | 400
					the webapps' API without a session                | GET /camunda/api/engine/engine/default/task HTTP/1.1 | 401
					""")
	void answersWithAProblemDetail(String what, String requestLine, int status) throws Exception {
		RawResponse response = send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).as(what).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
		assertThat(problem.path("title").asText()).as(what).isNotBlank();
		assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("<html");
	}

	@Test
	void refusesCockpitsPluginApiToAReviewerAndAnswersACockpitUser() throws Exception {
		String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
		WebappSession reviewer = WebappSession.logIn(port,
				StaffUsers.create(identityService, "reviewer", Port25AccessProcess.GROUP_REVIEWERS));
		WebappSession operator = WebappSession.logIn(port,
				StaffUsers.create(identityService, "operator", cockpitGroup()), "cockpit");

		var refused = reviewer.get(statistics);
		var answered = operator.get(statistics);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).doesNotContain("port25-access");
		assertThat(answered.statusCode()).isEqualTo(200);
	}

	/** A group that may use Cockpit, as an administrator would grant it. */
	private String cockpitGroup() {
		String group = "cockpit-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		Authorization access = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		access.setGroupId(group);
		access.setResource(Resources.APPLICATION);
		access.setResourceId("cockpit");
		access.addPermission(Permissions.ACCESS);
		authorizations.saveAuthorization(access);
		return group;
	}

	private RawResponse send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return RawResponse.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private record RawResponse(int status, String headers, String body) {

		static RawResponse parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String head = end < 0 ? raw : raw.substring(0, end);
			String body = end < 0 ? "" : raw.substring(end + 4);
			if (head.toLowerCase().contains("transfer-encoding: chunked")) {
				body = dechunk(body);
			}
			return new RawResponse(Integer.parseInt(head.split(" ")[1]), head, body);
		}

		String header(String name) {
			for (String line : headers.split("\r\n")) {
				if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
					return line.substring(name.length() + 1).strip();
				}
			}
			return "";
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int position = 0;
			while (position < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", position);
				int size = Integer.parseInt(chunked.substring(position, lineEnd).strip(), 16);
				if (size == 0) {
					break;
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				position = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

	}

}
