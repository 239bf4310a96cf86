package net.port25.workflow.infrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole engine on real PostgreSQL and a real Kafka broker ({@link TestInfrastructure}), shared by every
 * integration test class in the JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@ActiveProfiles("test")
@Import({ IntegrationTest.SharedInfrastructure.class, InfrastructureConnections.class })
public @interface IntegrationTest {

	@TestConfiguration(proxyBeanMethods = false)
	class SharedInfrastructure {

		/** Outlives every application context; stopped when the test JVM exits. */
		@Bean(destroyMethod = "")
		Infrastructure infrastructure() {
			return TestInfrastructure.shared();
		}

	}

}
