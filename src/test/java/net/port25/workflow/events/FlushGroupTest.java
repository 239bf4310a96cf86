package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.port25.workflow.EventTypes;
import net.port25.workflow.intake.RequestWithdrawn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class FlushGroupTest {

	private static final EventHandler<RequestWithdrawn> ABOUT_THE_REQUEST = EventHandler
		.of(EventTypes.REQUEST_WITHDRAWN, RequestWithdrawn.class, (withdrawal, eventId) -> {
		})
		.about(RequestWithdrawn::requestRef);

	private final AtomicLong offsets = new AtomicLong();

	@Test
	void aPollOfDistinctKeysIsOneGroup() {
		List<ConsumerRecord<String, byte[]>> poll = records("T-1", "T-2", "T-3");

		assertThat(FlushGroup.split(poll)).containsExactly(poll);
	}

	@Test
	void aRepeatedKeyStartsTheNextGroup() {
		List<ConsumerRecord<String, byte[]>> poll = records("T-1", "T-2", "T-1", "T-3", "T-3");

		assertThat(FlushGroup.split(poll)).containsExactly(poll.subList(0, 2), poll.subList(2, 4), poll.subList(4, 5));
	}

	@Test
	void recordsWithoutAKeyStayInTheGroupForTheirDataToBeChecked() {
		List<ConsumerRecord<String, byte[]>> poll = records(null, "T-1", null);

		assertThat(FlushGroup.split(poll)).containsExactly(poll);
	}

	@Test
	void aSubjectAdmittedTwiceToOneGroupIsRefused() {
		FlushGroup group = FlushGroup.start();
		group.admit(ABOUT_THE_REQUEST, new RequestWithdrawn("T-1", null));
		group.admit(ABOUT_THE_REQUEST, new RequestWithdrawn("T-2", null));

		assertThatThrownBy(() -> group.admit(ABOUT_THE_REQUEST, new RequestWithdrawn("T-1", "again")))
			.isInstanceOf(FlushGroup.SubjectRepeated.class)
			.hasMessageContaining("T-1");
		assertThatNoException()
			.isThrownBy(() -> FlushGroup.start().admit(ABOUT_THE_REQUEST, new RequestWithdrawn("T-1", null)));
	}

	@Test
	void eventsOnTheirOwnAdmitAnySubject() {
		FlushGroup.NONE.admit(ABOUT_THE_REQUEST, new RequestWithdrawn("T-1", null));

		assertThatNoException()
			.isThrownBy(() -> FlushGroup.NONE.admit(ABOUT_THE_REQUEST, new RequestWithdrawn("T-1", null)));
	}

	@Test
	void eventsShareAFlushOnlyWhenEveryHandlerOfTheTopicNamesItsSubject() {
		EventHandler<RequestWithdrawn> unnamed = EventHandler.of(EventTypes.REQUEST_SUBMITTED, RequestWithdrawn.class,
				(withdrawal, eventId) -> {
				});

		assertThat(FlushGroup.namedByAll(EventHandler.byType(ABOUT_THE_REQUEST))).isTrue();
		assertThat(FlushGroup.namedByAll(EventHandler.byType(ABOUT_THE_REQUEST, unnamed))).isFalse();
	}

	private List<ConsumerRecord<String, byte[]>> records(String... keys) {
		return Arrays.stream(keys)
			.map((key) -> new ConsumerRecord<>("port25.requests", 0, offsets.getAndIncrement(), key, new byte[0]))
			.toList();
	}

}
