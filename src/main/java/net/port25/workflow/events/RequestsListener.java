package net.port25.workflow.events;

import io.cloudevents.CloudEvent;
import net.port25.workflow.intake.RequestIntake;
import net.port25.workflow.intake.RequestSubmitted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands the events of the requests topic, validated, to intake. */
@Component
class RequestsListener {

	static final String REQUEST_SUBMITTED = "port25.request.submitted";

	private final CloudEventReader reader;

	private final RequestIntake intake;

	RequestsListener(CloudEventReader reader, RequestIntake intake) {
		this.reader = reader;
		this.intake = intake;
	}

	@KafkaListener(id = "requests", topics = "${port25.topics.requests}")
	void on(ConsumerRecord<String, byte[]> record) {
		CloudEvent event = reader.read(record);
		switch (event.getType()) {
			case REQUEST_SUBMITTED -> intake.submit(reader.data(event, RequestSubmitted.class), event.getId());
			default -> throw new InvalidEventException(
					"unknown event type '" + event.getType() + "' on topic " + record.topic());
		}
	}

}
