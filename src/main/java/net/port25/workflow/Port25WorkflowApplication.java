package net.port25.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Port25WorkflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(Port25WorkflowApplication.class, args);
	}

}
