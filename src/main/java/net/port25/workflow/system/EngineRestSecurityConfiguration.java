package net.port25.workflow.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's engine REST API is anonymous out of the box; here every call needs HTTP Basic
 * credentials of a user of the engine's identity service.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurityConfiguration {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
			@Value("${spring.jersey.application-path:/engine-rest}") String engineRestPath) {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("engine-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, engineRestPath);
		registration.addUrlPatterns(engineRestPath + "/*");
		return registration;
	}

}
