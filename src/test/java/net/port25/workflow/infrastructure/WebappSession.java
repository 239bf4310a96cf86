package net.port25.workflow.infrastructure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A browser's session with Tasklist: logged in through the webapps' login, carrying their
 * session cookie and CSRF token on every call, as the Tasklist front end does.
 */
public final class WebappSession {

	private final String origin;

	private final CookieManager cookies;

	private final HttpClient browser;

	private WebappSession(int port, CookieManager cookies) {
		this.origin = "http://localhost:" + port;
		this.cookies = cookies;
		this.browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.cookieHandler(cookies)
			.build();
	}

	/** Opens Tasklist and logs in; fails unless the login is accepted. */
	public static WebappSession logIn(int port, StaffUsers.StaffUser user) throws IOException, InterruptedException {
		return logIn(port, user, "tasklist");
	}

	/**
	 * Opens the webapp ({@code tasklist}, {@code cockpit}, {@code admin}) and logs in.
	 */
	public static WebappSession logIn(int port, StaffUsers.StaffUser user, String app)
			throws IOException, InterruptedException {
		WebappSession session = new WebappSession(port, new CookieManager());
		session.get("/camunda/app/" + app + "/");
		HttpResponse<String> login = session.send(session.request("/camunda/api/admin/auth/user/default/login/" + app)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + encode(user.id()) + "&password=" + encode(user.password()))));
		if (login.statusCode() != 200) {
			throw new IllegalStateException(app + " login of " + user.id() + " answered " + login.statusCode());
		}
		// the login starts a new session; its first call hands out the new token
		session.get("/camunda/api/engine/engine/");
		return session;
	}

	/**
	 * The same browser, cookies and all, talking to another engine on this host (cookies
	 * do not depend on the port): a second replica behind a load balancer without
	 * affinity.
	 */
	public WebappSession on(int port) {
		return new WebappSession(port, cookies);
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * A POST as Tasklist sends a filter's list query: answered in HAL, with the variables
	 * the filter shows on its cards embedded.
	 */
	public HttpResponse<String> postForHal(String path, String json) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.header("Accept", "application/hal+json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).header("Origin", origin);
		csrfToken().ifPresent((token) -> request.header("X-XSRF-TOKEN", token));
		return request;
	}

	private Optional<String> csrfToken() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.reduce((first, second) -> second)
			.map(HttpCookie::getValue);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
