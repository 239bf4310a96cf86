package net.port25.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Port25WorkflowApplication {

	static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";

	/** The JDK's own implementation: no library on the class path brings another one. */
	static final String JDK_DATATYPE_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

	public static void main(String[] args) {
		// Camunda asks javax.xml for a DatatypeFactory for every timer it schedules (each
		// request has three).
		// Unless this property names one, each call searches the whole class path for a
		// provider and finds none:
		// about 5% of the engine's CPU per request in the benchmark's profile
		// (bench/README.md).
		if (System.getProperty(DATATYPE_FACTORY) == null) {
			System.setProperty(DATATYPE_FACTORY, JDK_DATATYPE_FACTORY);
		}
		SpringApplication.run(Port25WorkflowApplication.class, args);
	}

}
