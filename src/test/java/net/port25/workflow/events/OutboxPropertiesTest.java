package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;

import net.port25.workflow.ApplicationConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

class OutboxPropertiesTest {

	@Test
	void takesItsDefaultsFromTheApplicationConfiguration() {
		ApplicationConfiguration.runner()
			.withUserConfiguration(Outbox.class)
			.run((context) -> assertThat(context.getBean(OutboxProperties.class)).isEqualTo(
					new OutboxProperties(Duration.ofSeconds(1), 200, Duration.ofSeconds(10), Duration.ofDays(7))));
	}

	@Test
	void refusesAProducerThatRetriesARecordLongerThanAPassWaits() {
		OutboxProperties outbox = new OutboxProperties(Duration.ofSeconds(1), 200, Duration.ofSeconds(10),
				Duration.ofDays(7));

		// Kafka's default delivery.timeout.ms is two minutes
		assertThatIllegalStateException().isThrownBy(() -> outbox.requireProducerGivesUpFirst(java.util.Map.of()))
			.withMessageContaining("delivery.timeout.ms (120000)");
		assertThatIllegalStateException()
			.isThrownBy(() -> outbox.requireProducerGivesUpFirst(java.util.Map.of("delivery.timeout.ms", "10000")));
		outbox.requireProducerGivesUpFirst(java.util.Map.of("delivery.timeout.ms", 8000));
	}

	@Test
	void takesDurationsInTheUsualFormats() {
		ApplicationConfiguration.runner()
			.withUserConfiguration(Outbox.class)
			.withPropertyValues("port25.outbox.poll-interval=250ms", "port25.outbox.batch-size=50",
					"port25.outbox.retention=P30D")
			.run((context) -> {
				OutboxProperties properties = context.getBean(OutboxProperties.class);
				assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(properties.batchSize()).isEqualTo(50);
				assertThat(properties.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
			});
	}

	@Test
	void refusesToStartWithABatchOfNone() {
		ApplicationConfiguration.runner()
			.withUserConfiguration(Outbox.class)
			.withPropertyValues("port25.outbox.batch-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("batchSize"));
	}

	@EnableConfigurationProperties(OutboxProperties.class)
	static class Outbox {

	}

}
