package net.port25.workflow.system;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.LocalTokens;
import net.port25.workflow.infrastructure.StaffUsers;
import net.port25.workflow.infrastructure.StaffUsers.StaffUser;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The filter chains over real HTTP, in front of the real engine REST API and webapps. */
@IntegrationTest
class WebSecurityIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	IdentityService identityService;

	@Autowired
	LocalTokens tokens;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	/** Created by the tests that need a staff user, in a group of their own. */
	private StaffUser staff;

	private final String groupId = "group-" + suffix;

	/** What an expression in a query would create if the engine evaluated it. */
	private final String probeUserId = "probe-" + suffix;

	@Autowired
	AuthorizationService authorizationService;

	@AfterEach
	void removeUsers() {
		if (staff != null) {
			authorizationService.createAuthorizationQuery()
				.userIdIn(staff.id())
				.list()
				.forEach((authorization) -> authorizationService.deleteAuthorization(authorization.getId()));
			identityService.deleteUser(staff.id());
		}
		identityService.deleteGroup(groupId);
		identityService.deleteUser(probeUserId);
	}

	@Test
	void engineRestRefusesCallersWithoutCredentials() throws Exception {
		HttpResponse<String> response = send(request("/engine-rest/task").GET());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void engineRestRefusesAWrongPassword() throws Exception {
		createStaffUser();

		HttpResponse<String> response = send(request("/engine-rest/task")
			.header("Authorization", new StaffUser(staff.id(), "wrong").basicAuthorization())
			.GET());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void engineRestAnswersAUserOfTheIdentityService() throws Exception {
		createStaffUser();

		HttpResponse<String> response = send(
				request("/engine-rest/task").header("Authorization", staff.basicAuthorization()).GET());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[");
	}

	@Test
	void adminSetupIsRefusedEvenWhileNoAdministratorExists() throws Exception {
		String body = "{\"profile\":{\"id\":\"" + probeUserId + "\",\"firstName\":\"x\",\"lastName\":\"y\"},"
				+ "\"credentials\":{\"password\":\"S3cure-" + suffix + "\"}}";

		HttpResponse<String> response = send(
				request("/camunda/api/admin/setup/default/user/create").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(identityService.createUserQuery().userId(probeUserId).count()).isZero();
	}

	@Test
	void refusesAnExpressionInTheOrQueriesOfAQueryString() throws Exception {
		createStaffUser();
		String orQueries = URLEncoder.encode("[{\"assigneeExpression\":\"" + probeExpression() + "\"}]",
				StandardCharsets.UTF_8);

		HttpResponse<String> response = send(
				request("/engine-rest/task?orQueries=" + orQueries).header("Authorization", staff.basicAuthorization())
					.GET());

		assertRefusedAsProblem(response);
		assertThat(identityService.createUserQuery().userId(probeUserId).count()).as("expression evaluated").isZero();
	}

	@Test
	void refusesAnExpressionInTheOrQueriesOfAJsonBody() throws Exception {
		createStaffUser();
		String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + probeExpression() + "\"}]}";

		HttpResponse<String> response = send(
				request("/engine-rest/task").header("Authorization", staff.basicAuthorization())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));

		assertRefusedAsProblem(response);
		assertThat(identityService.createUserQuery().userId(probeUserId).count()).as("expression evaluated").isZero();
	}

	@Test
	void passesATaskQueryWithOrQueriesButNoExpressionToTheEngine() throws Exception {
		createStaffUser();
		String body = "{\"orQueries\":[{\"candidateGroup\":\"" + groupId + "\",\"assignee\":\"" + staff.id() + "\"}]}";

		HttpResponse<String> response = send(
				request("/engine-rest/task").header("Authorization", staff.basicAuthorization())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("[]");
	}

	@Test
	void apiRefusesCallersWithoutCredentialsWithAProblemAndAChallenge() throws Exception {
		HttpResponse<String> response = send(request("/api/anything").GET());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"Unauthorized\"");
		assertThat(response.headers().allValues("WWW-Authenticate"))
			.anySatisfy((challenge) -> assertThat(challenge).startsWith("Bearer"))
			.anySatisfy((challenge) -> assertThat(challenge).startsWith("Basic"));
	}

	@Test
	void apiRefusesATokenItDidNotIssue() throws Exception {
		String foreign = new LocalTokens().issue("C-4410");

		HttpResponse<String> response = send(
				request("/api/anything").header("Authorization", "Bearer " + foreign).GET());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void apiAuthenticatesACustomerToken() throws Exception {
		HttpResponse<String> response = send(
				request("/api/anything").header("Authorization", "Bearer " + tokens.issue("C-4410")).GET());

		assertThat(response.statusCode()).isNotIn(401, 403);
	}

	@Test
	void apiAuthenticatesStaffWithBasicAndRefusesAWrongPassword() throws Exception {
		createStaffUser();

		HttpResponse<String> right = send(
				request("/api/anything").header("Authorization", staff.basicAuthorization()).GET());
		assertThat(right.statusCode()).isNotIn(401, 403);

		HttpResponse<String> wrong = send(request("/api/anything")
			.header("Authorization", new StaffUser(staff.id(), "wrong").basicAuthorization())
			.GET());
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).contains("\"status\":401");
	}

	@Test
	void staffAreAuthenticatedWithTheirCamundaGroups() {
		createStaffUser();
		CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identityService);

		Authentication authenticated = provider
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(staff.id(), staff.password()));

		assertThat(authenticated.getName()).isEqualTo(staff.id());
		assertThat(authenticated.getCredentials()).isNull();
		assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_STAFF", "GROUP_" + groupId);
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> provider
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody-" + suffix, staff.password())));
	}

	@Test
	void customersAreAuthenticatedAsCustomersOnlyAndNeedACustomerId() {
		var converter = WebSecurityConfiguration.customerAuthentication("customerId");
		Jwt withCustomer = tokens.decoder().decode(tokens.issue("C-4410"));
		Jwt withoutCustomer = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claims((claims) -> claims.putAll(Map.of("sub", "C-4410", "scope", "admin")))
			.build();

		JwtAuthenticationToken customer = (JwtAuthenticationToken) converter.convert(withCustomer);

		assertThat(customer.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_CUSTOMER");
		assertThat(customer.getToken().getClaimAsString("customerId")).isEqualTo("C-4410");
		assertThat(customer.getName()).as("the caller's name is the customer id").isEqualTo("C-4410");
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> converter.convert(withoutCustomer));
	}

	@Test
	void devTokenEndpointDoesNotExistOutsideTheEmbeddedRun() throws Exception {
		HttpResponse<String> response = send(request("/dev/token?customerId=C-4410").GET());

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void healthIsPublicOnTheManagementPortAndTheProbesOnTheMainPort() throws Exception {
		HttpResponse<String> response = send(managementRequest("/actuator/health").GET());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
		assertThat(send(request("/readyz").GET()).body()).contains("\"status\":\"UP\"");
		assertThat(send(request("/livez").GET()).body()).contains("\"status\":\"UP\"");
	}

	@Test
	void servesMetricsOnTheManagementPortOnly() throws Exception {
		assertThat(send(managementRequest("/actuator/prometheus").GET()).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/prometheus").GET()).statusCode()).isIn(403, 404);
		assertThat(send(managementRequest("/actuator/env").GET()).statusCode()).isIn(403, 404);
	}

	@Test
	void anythingElseIsRefused() throws Exception {
		assertThat(send(request("/actuator/env").GET()).statusCode()).isIn(403, 404);
		assertThat(send(request("/somewhere").GET()).statusCode()).isEqualTo(403);
	}

	@Test
	void webappsAreServedAndKeepTheirCsrfProtection() throws Exception {
		createStaffUser();
		// with authorization checks on, a user needs access to the application to log in
		// to it
		Authorization tasklistAccess = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		tasklistAccess.setUserId(staff.id());
		tasklistAccess.setResource(Resources.APPLICATION);
		tasklistAccess.setResourceId("tasklist");
		tasklistAccess.addPermission(Permissions.ACCESS);
		authorizationService.saveAuthorization(tasklistAccess);
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.cookieHandler(cookies)
			.build();

		// the webapps' CSRF filter hands out its token with the first page; a browser
		// sends its origin
		HttpResponse<String> tasklist = browser.send(request("/camunda/app/tasklist/").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(tasklist.statusCode()).isEqualTo(200);

		HttpResponse<String> withoutCsrfToken = browser
			.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", origin())
				.POST(HttpRequest.BodyPublishers.ofString(login()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withoutCsrfToken.statusCode()).as("a webapp POST without the CSRF token").isEqualTo(403);

		// the refused POST cost the session and its token (the webapps' filter does
		// that); the page hands out new ones
		assertThat(browser.send(request("/camunda/app/tasklist/").GET().build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		HttpResponse<String> loggedIn = browser.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", origin())
			.header("X-XSRF-TOKEN", csrfToken(cookies))
			.POST(HttpRequest.BodyPublishers.ofString(login()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
		assertThat(loggedIn.body()).contains("\"userId\":\"" + staff.id() + "\"");

		HttpResponse<String> taskCount = browser
			.send(request("/camunda/api/engine/engine/default/task/count").header("X-XSRF-TOKEN", csrfToken(cookies))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(taskCount.statusCode()).as(taskCount.body()).isEqualTo(200);
		assertThat(taskCount.body()).startsWith("{\"count\":");
	}

	private String origin() {
		return "http://localhost:" + port;
	}

	private String login() {
		return "username=" + URLEncoder.encode(staff.id(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(staff.password(), StandardCharsets.UTF_8);
	}

	private static String csrfToken(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.reduce((first, second) -> second)
			.map(HttpCookie::getValue)
			.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from the webapp"));
	}

	private void createStaffUser() {
		staff = StaffUsers.create(identityService, "staff", groupId);
	}

	/**
	 * Creates {@link #probeUserId} if evaluated; the engine's Spring expression manager
	 * knows the bean.
	 */
	private String probeExpression() {
		return "${identityService.saveUser(identityService.newUser('" + probeUserId + "'))}";
	}

	private static void assertRefusedAsProblem(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":400").contains("expressions");
	}

	private HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
	}

	private HttpRequest.Builder managementRequest(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
