package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class InboundEventMetricsTest {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final InboundEventMetrics metrics = new InboundEventMetrics(meters,
			new TopicsProperties("port25.requests", "port25.dashboard.toggles", "port25.abuse.events",
					"port25.inventory", "port25.replies", "port25.network.commands", "port25.access.changes", 6,
					(short) 1));

	@Test
	void startsEveryInboundTopicsCountersAtZero() {
		assertThat(meters.find("port25.events.consumed").counters()).hasSize(4);
		assertThat(meters.find("port25.events.deduplicated").counters()).hasSize(4);
		assertThat(meters.find("port25.events.dead.lettered").counters()).hasSize(8)
			.allSatisfy(counter -> assertThat(counter.count()).isZero());
	}

	@Test
	void tellsARecordThatBreaksTheContractFromOneTheEngineFailedOn() {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("port25.requests", 0, 42L, "T-1", new byte[0]);

		metrics.deadLettered(record, new ListenerExecutionFailedException("listener failed",
				new InvalidEventException("not a CloudEvents 1.0 JSON event")));
		metrics.deadLettered(record,
				new ListenerExecutionFailedException("listener failed", new IllegalStateException("No request T-1")));
		metrics.deadLettered(record,
				new ListenerExecutionFailedException("listener failed", new IllegalStateException("No request T-1")));

		assertThat(deadLettered("invalid")).isEqualTo(1);
		assertThat(deadLettered("defect")).isEqualTo(2);
	}

	private double deadLettered(String cause) {
		return meters.get("port25.events.dead.lettered")
			.tags("topic", "port25.requests", "cause", cause)
			.counter()
			.count();
	}

}
