package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.marcnuri.helm.Helm;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.SecondReplica;
import net.port25.workflow.infrastructure.StaffUsers;
import net.port25.workflow.infrastructure.StaffUsers.StaffUser;
import net.port25.workflow.infrastructure.TestInfrastructure;
import net.port25.workflow.infrastructure.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Two engine replicas on one database, as behind a load balancer without cookie affinity:
 * the tests' engine and a second one in a JVM of its own, started in the production
 * profile with the environment the Helm chart gives a pod. A staff member logged in to
 * Tasklist on one goes on working on the other, with the same session and CSRF token,
 * because the webapps' sessions live in PostgreSQL (Spring Session JDBC); behind the
 * Ingress's TLS the replica marks its cookies Secure and sends HSTS.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasIntegrationTests {

	private static final String CURRENT_USER = "/camunda/api/admin/auth/user/default";

	/** Connection details and the JVM's options are the replica's own. */
	private static final Set<String> NOT_FROM_THE_CHART = Set.of("JAVA_TOOL_OPTIONS", "SPRING_DATASOURCE_URL",
			"SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_CONFIG_ADDITIONAL_LOCATION");

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	private SecondReplica second;

	@BeforeAll
	void startASecondReplicaAsTheChartDeploysIt() throws Exception {
		// Mockito's inline mock maker attaches an agent to this JVM when first used (by
		// Spring's mock reset before each test); seen here, that attachment times out
		// once
		// a second JVM has been started, so it is made first
		Mockito.mockingDetails(this).isMock();
		second = SecondReplica.start(infrastructure(), chartEnvironment());
	}

	@AfterAll
	void stopTheSecondReplica() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aTasklistLoginOnOneReplicaServesTheStaffMemberOnTheOther() throws Exception {
		StaffUser reviewer = StaffUsers.create(identityService, "replicas", Port25AccessProcess.GROUP_REVIEWERS);
		WebappSession onFirst = WebappSession.logIn(port, reviewer);
		WebappSession onSecond = onFirst.on(second.port());

		HttpResponse<String> user = onSecond.get(CURRENT_USER);
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"userId\":\"" + reviewer.id() + "\"");
		// a state-changing call: the CSRF token the first replica handed out is good on
		// the second
		assertThat(onSecond.postJson("/camunda/api/engine/engine/default/task/count", "{}").statusCode())
			.isEqualTo(200);

		assertThat(onSecond.postForm(CURRENT_USER + "/logout", "").statusCode()).isEqualTo(200);
		assertThat(onFirst.get(CURRENT_USER).statusCode()).isNotEqualTo(200);
	}

	@Test
	void behindTheIngressTlsMarksTheSessionAndCsrfCookiesSecureAndSendsHsts() throws Exception {
		// the Ingress controller's request: TLS ended there, X-Forwarded-Proto says so
		HttpResponse<String> tasklist = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + "/camunda/app/tasklist/"))
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.ofString());

		List<String> cookies = tasklist.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure"));
		assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure"));
		assertThat(tasklist.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
	}

	private static Infrastructure infrastructure() {
		return TestInfrastructure.shared();
	}

	/** The plain values of the engine container's environment in a default release. */
	private static Map<String, String> chartEnvironment() {
		String rendered = new Helm(Path.of("helm", "port25-workflow")).template()
			.withName("p25")
			.withNamespace("port25")
			.set("existingSecret.name", "credentials")
			.set("database.url", "jdbc:postgresql://postgres:5432/port25")
			.set("kafka.bootstrapServers", "kafka:9092")
			.set("jwt.issuerUri", "https://login.example.net/realms/port25")
			.call();
		Map<String, String> environment = new LinkedHashMap<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
			if (document instanceof Map<?, ?> manifest && "Deployment".equals(manifest.get("kind"))) {
				for (Map<?, ?> variable : containerEnvironment(manifest)) {
					String name = (String) variable.get("name");
					if (variable.get("value") instanceof String value && !NOT_FROM_THE_CHART.contains(name)) {
						environment.put(name, value);
					}
				}
			}
		}
		assertThat(environment).containsKeys("CAMUNDA_BPM_WEBAPP_CSRF_ENABLESECURECOOKIE",
				"SERVER_SERVLET_SESSION_COOKIE_SECURE", "CAMUNDA_BPM_WEBAPP_HEADERSECURITY_HSTSDISABLED");
		return environment;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<?, ?>> containerEnvironment(Map<?, ?> deployment) {
		Map<?, ?> template = (Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template");
		Map<?, ?> container = ((List<Map<?, ?>>) ((Map<?, ?>) template.get("spec")).get("containers")).get(0);
		return (List<Map<?, ?>>) container.get("env");
	}

}
