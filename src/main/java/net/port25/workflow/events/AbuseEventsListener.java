package net.port25.workflow.events;

import java.util.List;

import io.cloudevents.CloudEvent;
import net.port25.workflow.EventTypes;
import net.port25.workflow.revocation.AbuseDetected;
import net.port25.workflow.revocation.AbuseHandling;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands abuse reports, validated, to revocation. The reports of one poll are applied in
 * one transaction (one commit for many reports: an abuse storm is mostly reports for
 * addresses without access, each a few statements). Each report still has its effect once
 * (its id is claimed in that transaction) and in partition order. If any report of the
 * poll cannot be applied, the transaction is rolled back and the reports are applied
 * again one by one, each in its own transaction, so that those before the failing one
 * keep their effect and the error handler retries or dead-letters exactly that one.
 */
@Component
class AbuseEventsListener {

	private final CloudEventReader reader;

	private final ProcessedEvents processedEvents;

	private final AbuseHandling abuseHandling;

	private final TransactionTemplate transaction;

	AbuseEventsListener(CloudEventReader reader, ProcessedEvents processedEvents, AbuseHandling abuseHandling,
			PlatformTransactionManager transactionManager) {
		this.reader = reader;
		this.processedEvents = processedEvents;
		this.abuseHandling = abuseHandling;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	// at most 100 reports a transaction: a revocation in the middle of a storm is
	// committed (and its port-close command sent) after at most 100 reports
	@KafkaListener(id = "abuse-events", topics = "${port25.topics.abuse-events}", batch = "true",
			properties = "max.poll.records=100")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		try {
			transaction.executeWithoutResult((status) -> records.forEach(this::apply));
		}
		catch (RuntimeException batchFailed) {
			applyOneByOne(records);
		}
	}

	private void applyOneByOne(List<ConsumerRecord<String, byte[]>> records) {
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<String, byte[]> record = records.get(index);
			try {
				transaction.executeWithoutResult((status) -> apply(record));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException(ex.getMessage(), ex, index);
			}
		}
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		CloudEvent event = reader.read(record);
		if (!processedEvents.claim(event, record.topic())) {
			return;
		}
		if (!EventTypes.ABUSE_DETECTED.equals(event.getType())) {
			throw InvalidEventException.unknownType(event, record.topic());
		}
		abuseHandling.handle(reader.data(event, AbuseDetected.class), event.getId());
	}

}
