package net.port25.workflow.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' own APIs answer only users of their app. Camunda guards the Cockpit and
 * Admin pages by app permission, but their plugin APIs only by login, so a reviewer, who
 * may use Tasklist alone, could read Cockpit's instance counts and deployment details.
 * Here a plugin API call is refused (403) unless the session's user may use its app.
 */
class WebappApplicationGuard extends OncePerRequestFilter {

	private static final PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();

	/** The plugin APIs by the app whose permission they need. */
	private static final Map<RequestMatcher, String> APP_APIS = Map.of(paths.matcher("/camunda/api/cockpit/**"),
			"cockpit", paths.matcher("/camunda/api/admin/plugin/**"), "admin");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Map.Entry<RequestMatcher, String> api : APP_APIS.entrySet()) {
			if (api.getKey().matches(request) && !mayUse(request, api.getValue())) {
				ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, ProblemResponses.ACCESS_DENIED);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean mayUse(HttpServletRequest request, String app) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		return authentications.getAuthentications()
			.stream()
			.anyMatch((authentication) -> authentication.isAuthorizedForApp(app));
	}

}
