package net.port25.workflow.events;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/**
 * Around every inbound record's handling, on every delivery attempt: the record in the
 * log's MDC ({@link EventLogContext}) until it is done with, dead letter included, and
 * counted once handled. Spring Boot gives the listener containers this interceptor.
 */
@Component
class InboundRecordObserver implements RecordInterceptor<Object, Object> {

	private final InboundEventMetrics metrics;

	InboundRecordObserver(InboundEventMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		EventLogContext.taken(record);
		return record;
	}

	@Override
	public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		metrics.consumed(record);
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		EventLogContext.clear();
	}

}
