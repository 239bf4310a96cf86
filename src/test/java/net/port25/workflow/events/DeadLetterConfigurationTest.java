package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The error handler of the listeners: a transient failure is retried for as long as it
 * lasts and never dead-lettered; a permanent one is dead-lettered on its first delivery,
 * without back-off.
 */
class DeadLetterConfigurationTest {

	private final DeadLetters deadLetters = mock(DeadLetters.class);

	private final DefaultErrorHandler handler = new DeadLetterConfiguration().kafkaErrorHandler(deadLetters);

	private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("port25.requests", 0, 7, "T-1",
			new byte[0]);

	private final Consumer<?, ?> consumer = mock(Consumer.class);

	private final MessageListenerContainer container = mock(MessageListenerContainer.class);

	DeadLetterConfigurationTest() {
		when(container.getContainerProperties()).thenReturn(new ContainerProperties("port25.requests"));
		// a container that is not running makes the back-off return at once
		when(container.isRunning()).thenReturn(false);
	}

	@Test
	void retriesATransientFailureAndNeverDeadLettersIt() {
		Exception lockedOut = failed(new OptimisticLockingException("another node won"));

		for (int delivery = 1; delivery <= 4; delivery++) {
			assertThatThrownBy(() -> handle(lockedOut)).hasMessageContaining("in retry");
		}

		verify(deadLetters, never()).accept(any(), any());
	}

	@Test
	void deadLettersAPermanentFailureOnItsFirstDelivery() {
		Exception broken = failed(new IllegalStateException("no such column"));

		handle(broken);

		verify(deadLetters, times(1)).accept(eq(record), any());
	}

	private void handle(Exception failure) {
		handler.handleBatchAndReturnRemaining(failure,
				new ConsumerRecords<>(Map.of(new TopicPartition(record.topic(), record.partition()), List.of(record))),
				consumer, container, () -> {
				});
	}

	private Exception failed(RuntimeException cause) {
		return new BatchListenerFailedException("event not applied", cause, record);
	}

}
