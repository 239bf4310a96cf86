package net.port25.workflow.infrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.port25.workflow.ProcessScenarios;
import net.port25.workflow.access.AccessChangePublisher;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.intake.RequestIntake;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole engine on real PostgreSQL and a real Kafka broker
 * ({@link TestInfrastructure}), shared by every integration test class in the JVM.
 * Metrics and tracing work as in production (Spring Boot's tests turn both off
 * otherwise).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
@Import({ IntegrationTest.SharedInfrastructure.class, InfrastructureConnections.class,
		LocalTokens.AsTokenIssuer.class })
public @interface IntegrationTest {

	@TestConfiguration(proxyBeanMethods = false)
	class SharedInfrastructure {

		/** Outlives every application context; stopped when the test JVM exits. */
		@Bean(destroyMethod = "")
		Infrastructure infrastructure() {
			return TestInfrastructure.shared();
		}

		/**
		 * The ports the engine uses, recorded; the real implementation still receives
		 * every call.
		 */
		@Bean
		@Primary
		RecordingPorts recordingPorts(@Qualifier("outboundEvents") CustomerNotifier notifier,
				@Qualifier("outboundEvents") NetworkCommands network,
				@Qualifier("outboundEvents") AccessChangePublisher publisher) {
			return new RecordingPorts(notifier, network, publisher);
		}

		@Bean
		ProcessScenarios processScenarios(RequestIntake intake, RuntimeService runtimeService, ObjectMapper json) {
			return new ProcessScenarios(intake, runtimeService, json);
		}

	}

}
