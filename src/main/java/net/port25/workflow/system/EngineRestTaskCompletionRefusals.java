package net.port25.workflow.system;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.json.JsonMapper;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.port25.workflow.TaskCompletionRefused;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * A task completed through the engine REST API with values the policy refuses is the
 * caller's mistake: 400 with the reason, in the engine REST API's own error shape,
 * instead of the 500 the engine gives any listener's exception. Every other error keeps
 * Camunda's own mapping. Both engine REST APIs answer so: {@code /engine-rest} for
 * systems, and the webapps' own ({@code /camunda/api/engine}) behind Tasklist.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestTaskCompletionRefusals {

	/**
	 * The webapps' engine API servlet, as the Camunda Spring Boot starter registers it.
	 */
	static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

	@Bean
	ResourceConfigCustomizer taskCompletionRefusalMapping() {
		return (config) -> config.register(RefusalMapper.class);
	}

	/**
	 * The webapps' engine API is a Jersey servlet the starter registers by application
	 * class, out of reach of {@link ResourceConfigCustomizer}: the mapper goes into its
	 * init parameters instead, by a servlet container initializer added after Spring
	 * Boot's own (which registers the webapps) has run.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> webappTaskCompletionRefusalMapping() {
		return (factory) -> factory
			.addContextCustomizers((context) -> context.addServletContainerInitializer((classes, servletContext) -> {
				ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API_SERVLET);
				if (engineApi == null) {
					throw new IllegalStateException("no servlet '" + WEBAPP_ENGINE_API_SERVLET
							+ "': has the Camunda webapp starter renamed its engine API servlet?");
				}
				engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, RefusalMapper.class.getName());
			}, null));
	}

	/**
	 * Writes a refusal in the engine REST API's error shape from a servlet filter, before
	 * Camunda sees the request ({@link TaskVariablesGuard}).
	 */
	static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON);
		response.setCharacterEncoding("UTF-8");
		JsonMapper.builder().build().writeValue(response.getOutputStream(), error(message));
	}

	private static Map<String, String> error(String message) {
		return Map.of("type", "InvalidRequestException", "message", message);
	}

	/** Ahead of Camunda's mapper for the same type, and only for refusals. */
	@Priority(Priorities.USER - 100)
	public static class RefusalMapper implements ExtendedExceptionMapper<RestException> {

		@Override
		public boolean isMappable(RestException exception) {
			return refusal(exception).isPresent();
		}

		@Override
		public Response toResponse(RestException exception) {
			// only called where isMappable found the refusal
			String message = refusal(exception).orElseThrow().getMessage();
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(error(message))
				.build();
		}

		static Optional<TaskCompletionRefused> refusal(Throwable exception) {
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				if (cause instanceof TaskCompletionRefused refused) {
					return Optional.of(refused);
				}
			}
			return Optional.empty();
		}

	}

}
