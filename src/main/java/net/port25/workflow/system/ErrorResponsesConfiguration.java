package net.port25.workflow.system;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refusals that happen before Spring MVC answer as problem details too: Tomcat's own (its
 * host's error report valve is {@link ProblemErrorReportValve}), and everything that ends
 * on the error page ({@link ProblemErrorController}).
 */
@Configuration(proxyBeanMethods = false)
class ErrorResponsesConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addContextCustomizers((context) -> {
					StandardHost host = (StandardHost) context.getParent();
					// Spring Boot adds its own error report valve to the host; one is
					// enough
					Pipeline pipeline = host.getPipeline();
					for (Valve valve : pipeline.getValves()) {
						if (valve instanceof ErrorReportValve) {
							pipeline.removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				});
			}

		};
	}

}
