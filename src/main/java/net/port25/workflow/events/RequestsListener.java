package net.port25.workflow.events;

import io.cloudevents.CloudEvent;
import net.port25.workflow.EventTypes;
import net.port25.workflow.intake.InformationProvided;
import net.port25.workflow.intake.RequestIntake;
import net.port25.workflow.intake.RequestSubmitted;
import net.port25.workflow.intake.RequestWithdrawn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Hands the events of the requests topic, validated, to intake. */
@Component
class RequestsListener {

	private final CloudEventReader reader;

	private final ProcessedEvents processedEvents;

	private final RequestIntake intake;

	RequestsListener(CloudEventReader reader, ProcessedEvents processedEvents, RequestIntake intake) {
		this.reader = reader;
		this.processedEvents = processedEvents;
		this.intake = intake;
	}

	@KafkaListener(id = "requests", topics = "${port25.topics.requests}")
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		CloudEvent event = reader.read(record);
		if (!processedEvents.claim(event, record.topic())) {
			return;
		}
		switch (event.getType()) {
			case EventTypes.REQUEST_SUBMITTED ->
				intake.submit(reader.data(event, RequestSubmitted.class), event.getId());
			case EventTypes.INFORMATION_PROVIDED ->
				intake.provideInformation(reader.data(event, InformationProvided.class), event.getId());
			case EventTypes.REQUEST_WITHDRAWN ->
				intake.withdraw(reader.data(event, RequestWithdrawn.class), event.getId());
			default -> throw InvalidEventException.unknownType(event, record.topic());
		}
	}

}
