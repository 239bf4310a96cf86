package net.port25.workflow.system;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.port25.workflow.TaskCompletionRefused;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A task completed through the engine REST API with values the policy refuses is the caller's mistake: 400 with the
 * reason, in the engine REST API's own error shape, instead of the 500 the engine gives any listener's exception.
 * Every other error keeps Camunda's own mapping.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestTaskCompletionRefusals {

	@Bean
	ResourceConfigCustomizer taskCompletionRefusalMapping() {
		return (config) -> config.register(RefusalMapper.class);
	}

	/** Ahead of Camunda's mapper for the same type, and only for refusals. */
	@Priority(Priorities.USER - 100)
	static class RefusalMapper implements ExtendedExceptionMapper<RestException> {

		@Override
		public boolean isMappable(RestException exception) {
			return refusal(exception).isPresent();
		}

		@Override
		public Response toResponse(RestException exception) {
			String message = refusal(exception).map(Throwable::getMessage).orElse(exception.getMessage());
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", "InvalidRequestException", "message", message))
				.build();
		}

		static Optional<TaskCompletionRefused> refusal(Throwable exception) {
			for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
				if (cause instanceof TaskCompletionRefused refused) {
					return Optional.of(refused);
				}
			}
			return Optional.empty();
		}

	}

}
