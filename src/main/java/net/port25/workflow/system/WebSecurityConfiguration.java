package net.port25.workflow.system;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Who may call what over HTTP, one filter chain per kind of caller, most specific first.
 * <ol>
 * <li>{@code /api/**}: customers and the dashboard with a JWT bearer token
 * ({@code ROLE_CUSTOMER}), staff with HTTP Basic against the engine's identity service
 * ({@code ROLE_STAFF}, {@code GROUP_<id>}); stateless, so no CSRF (no cookie
 * authenticates); refusals as problem details; bodies of at most
 * {@link RequestBodyLimit#MAX_BODY_BYTES}. The controllers decide the finer rules.</li>
 * <li>{@code /camunda/api/admin/setup/**}: nobody. It creates an administrator whenever
 * the camunda-admin group is empty (2026 advisory); the administrator is provisioned from
 * configuration instead.</li>
 * <li>{@code /engine-rest/**} and {@code /camunda/**}: Camunda's own protection does the
 * work (its authentication filter on the engine REST API, the webapps' session login and
 * CSRF filter), so Spring Security lets them through, after the guard against expressions
 * in task queries (2026 advisory), the one on what staff put into tasks, and the one that
 * keeps the Cockpit and Admin plugin APIs to users of those apps.</li>
 * <li>health (with the probes' {@code /livez} and {@code /readyz}), info and the API
 * documentation: anyone; the Prometheus endpoint: anyone on the management port, which
 * the Helm chart's Service does not expose, and nobody when the actuator shares the main
 * port; the development token endpoint: anyone, where it exists (the embedded run
 * only).</li>
 * <li>everything else: nobody.</li>
 * </ol>
 * The Camunda identity provider is a bean, which also keeps Spring Boot from generating a
 * default user.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	private static final PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();

	/** The server namespace of the actuator's own web server (management.server.port). */
	private static final String MANAGEMENT_SERVER = "management";

	@Bean
	AuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService) {
		return new CamundaIdentityAuthenticationProvider(identityService);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
		// only the Authorization header authenticates here, never a cookie, so there is
		// no CSRF to guard against
		return stateless(http).securityMatcher(paths.matcher("/api/**"))
			.addFilterBefore(new RequestBodyLimit(), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(customerAuthentication(properties.customerIdClaim())))
				.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminSetupSecurity(HttpSecurity http) throws Exception {
		// refused before anything else looks at it; a CSRF failure would answer 403 just
		// the same
		return stateless(http).securityMatcher(paths.matcher("/camunda/api/admin/setup/**"))
			.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(ProblemResponses.forbiddenWithoutChallenge())
						.accessDeniedHandler(ProblemResponses.forbidden()))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
		return http
			.securityMatcher(new OrRequestMatcher(paths.matcher("/engine-rest/**"), paths.matcher("/camunda/**")))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.addFilterBefore(new OrQueryExpressionGuard(), AuthorizationFilter.class)
			.addFilterBefore(new TaskVariablesGuard(), AuthorizationFilter.class)
			.addFilterBefore(new WebappApplicationGuard(), AuthorizationFilter.class)
			// Camunda authenticates these itself and the webapps have their own CSRF
			// filter (left on); Spring's CSRF check would refuse the webapps' token, and
			// a Spring session or saved request would only get in the way of theirs
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain publicAndOtherwiseDeniedSecurity(HttpSecurity http) throws Exception {
		return stateless(http).authorizeHttpRequests((requests) -> requests
			// error pages and forwards are rendered for a request that was already let
			// through
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"),
					paths.matcher("/actuator/info"), paths.matcher(HttpMethod.GET, "/livez"),
					paths.matcher(HttpMethod.GET, "/readyz"))
			.permitAll()
			.requestMatchers(onManagementServer(paths.matcher(HttpMethod.GET, "/actuator/prometheus")))
			.permitAll()
			// documentation only: every operation it describes is protected by the chains
			// above
			.requestMatchers(paths.matcher("/v3/api-docs"), paths.matcher("/v3/api-docs/**"),
					paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html"))
			.permitAll()
			// the controller exists only in the embedded development run; elsewhere this
			// is a 404
			.requestMatchers(paths.matcher(HttpMethod.GET, "/dev/token"))
			.permitAll()
			// redirects to the webapps (camunda.bpm.webapp.index-redirect-enabled)
			.requestMatchers(paths.matcher(HttpMethod.GET, "/"))
			.permitAll()
			.anyRequest()
			.denyAll())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(ProblemResponses.forbiddenWithoutChallenge())
						.accessDeniedHandler(ProblemResponses.forbidden()))
			.build();
	}

	/**
	 * Requests that the management server (the actuator on its own port) serves; none
	 * when the actuator shares the main port.
	 */
	private static RequestMatcher onManagementServer(RequestMatcher matcher) {
		return (request) -> matcher.matches(request) && WebServerApplicationContext.hasServerNamespace(
				WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), MANAGEMENT_SERVER);
	}

	/**
	 * No session, no saved request, no logout and no CSRF token: nothing a cookie could
	 * stand for.
	 */
	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
	}

	/**
	 * A customer or dashboard token: {@code ROLE_CUSTOMER} and nothing else, whatever
	 * scopes the issuer put in, named by the customer id, so that nothing after this
	 * needs to know the claim; a token without the customer id claim is refused (401),
	 * since no customer endpoint could answer it.
	 */
	static Converter<Jwt, AbstractAuthenticationToken> customerAuthentication(String customerIdClaim) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(
				(jwt) -> List.of(new SimpleGrantedAuthority(CallerAuthorities.CUSTOMER)));
		converter.setPrincipalClaimName(customerIdClaim);
		return (jwt) -> {
			Object customerId = jwt.getClaims().get(customerIdClaim);
			if (!(customerId instanceof String id) || id.isBlank()) {
				throw new InvalidBearerTokenException(
						"The token carries no customer id (claim '" + customerIdClaim + "')");
			}
			return converter.convert(jwt);
		};
	}

}
