package net.port25.workflow.events;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Map;

import net.port25.workflow.inventory.ServiceInventory;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

class InventoryListenerTest {

	private final ServiceInventory inventory = mock(ServiceInventory.class);

	private final InventoryListener listener = new InventoryListener(null, null, inventory);

	private final ConsumerSeekCallback seek = mock(ConsumerSeekCallback.class);

	private final Map<TopicPartition, Long> assigned = Map.of(new TopicPartition("port25.inventory", 0), 42L,
			new TopicPartition("port25.inventory", 1), 7L);

	@Test
	void readsTheTopicFromTheBeginningWhileTheEnginesCopyIsEmpty() {
		given(inventory.isEmpty()).willReturn(true);

		listener.onPartitionsAssigned(assigned, seek);

		verify(seek).seekToBeginning(assigned.keySet());
	}

	@Test
	void goesOnFromTheCommittedOffsetsOnceItHoldsRecords() {
		given(inventory.isEmpty()).willReturn(false);

		listener.onPartitionsAssigned(assigned, seek);

		verifyNoInteractions(seek);
	}

}
