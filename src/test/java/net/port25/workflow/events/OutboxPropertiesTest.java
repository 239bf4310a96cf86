package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OutboxPropertiesTest {

	@Test
	void worksWithoutConfiguration() {
		OutboxProperties properties = bind(Map.of());

		assertThat(properties)
			.isEqualTo(new OutboxProperties(Duration.ofSeconds(1), 200, Duration.ofSeconds(10), Duration.ofDays(7)));
	}

	@Test
	void takesDurationsInTheUsualFormats() {
		OutboxProperties properties = bind(Map.of("port25.outbox.poll-interval", "250ms", "port25.outbox.batch-size",
				"50", "port25.outbox.retention", "P30D"));

		assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(250));
		assertThat(properties.batchSize()).isEqualTo(50);
		assertThat(properties.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
	}

	private static OutboxProperties bind(Map<String, String> configuration) {
		return new Binder(new MapConfigurationPropertySource(configuration)).bindOrCreate("port25.outbox",
				OutboxProperties.class);
	}

}
