package net.port25.workflow;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A context with the application's own configuration ({@code application.yaml}) and the
 * validation of {@code @Validated} properties, for tests of a typed configuration record
 * on its own.
 */
public final class ApplicationConfiguration {

	private ApplicationConfiguration() {
	}

	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class));
	}

}
