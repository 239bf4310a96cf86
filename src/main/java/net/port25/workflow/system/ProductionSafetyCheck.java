package net.port25.workflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the production profile without an administrator with a real password
 * or without a JWT issuer. Without an administrator the webapps' setup page would hand
 * administration to whoever comes first (2026 advisory); without an issuer no customer
 * could be authenticated. It runs as a bean factory post-processor, before any bean
 * exists, so that the engine has not yet written a weak administrator to the database
 * when start-up fails.
 */
@Component
@Profile("production")
class ProductionSafetyCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String ADMIN_ID = "camunda.bpm.admin-user.id";

	static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

	static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Set<String> DEFAULT_PASSWORDS = Set.of("admin", "password", "changeme", "demo", "camunda");

	// a bean factory post-processor is created before constructor injection works, hence
	// EnvironmentAware
	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		check(environment);
	}

	/**
	 * @throws IllegalStateException naming every property that is missing or unsafe
	 */
	static void check(PropertyResolver environment) {
		List<String> problems = new ArrayList<>();
		String adminId = environment.getProperty(ADMIN_ID, "").strip();
		String adminPassword = environment.getProperty(ADMIN_PASSWORD, "");
		if (adminId.isEmpty()) {
			problems.add(ADMIN_ID + " is not set (environment variable CAMUNDA_BPM_ADMIN_USER_ID)");
		}
		if (adminPassword.isBlank()) {
			problems.add(ADMIN_PASSWORD + " is not set (environment variable CAMUNDA_BPM_ADMIN_USER_PASSWORD)");
		}
		else if (DEFAULT_PASSWORDS.contains(adminPassword.toLowerCase(Locale.ROOT))
				|| adminPassword.equalsIgnoreCase(adminId)) {
			problems.add(ADMIN_PASSWORD + " is a default password or the user id");
		}
		else if (adminPassword.length() < MIN_PASSWORD_LENGTH) {
			problems.add(ADMIN_PASSWORD + " is shorter than " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (environment.getProperty(ISSUER_URI, "").isBlank() && environment.getProperty(JWK_SET_URI, "").isBlank()) {
			problems.add("no JWT issuer is configured: set " + ISSUER_URI + " or " + JWK_SET_URI
					+ " (environment variable SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI or ..._JWKSETURI)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start the production profile: " + String.join("; ", problems) + ".");
		}
	}

}
