package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import net.port25.workflow.access.AccessChanged;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class OutboxIntegrationTests {

	private static final EventFormat STRUCTURED = EventFormatProvider.getInstance()
		.resolveFormat(JsonFormat.CONTENT_TYPE);

	@Autowired
	OutboundEvents outbound;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TopicsProperties topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper objectMapper;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void publishesANoticeAfterTheTransactionCommits() throws Exception {
		String requestRef = unique("T-");
		CustomerNotice notice = new CustomerNotice(CustomerNotice.Type.INFO_REQUESTED, requestRef, Channel.TICKET,
				"C-4410", ServiceType.I_COLOCATION, "COLO-7781", "We need a few more details.", null, null,
				List.of("useCase", "recipientSource"), "How do you obtain your recipients?");
		try (TopicReader replies = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.replies())) {
			inTransaction(() -> outbound.notify(notice));

			ConsumerRecord<String, byte[]> record = replies.awaitWithKey(requestRef, 1).get(0);

			assertThat(record.key()).isEqualTo(requestRef);
			assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/cloudevents+json");
			CloudEvent event = STRUCTURED.deserialize(record.value());
			assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
			assertThat(event.getType()).isEqualTo("port25.info.requested");
			assertThat(event.getSource()).hasToString("/port25-workflow");
			assertThat(event.getId()).isNotBlank();
			assertThat(event.getTime()).isNotNull();
			assertThat(event.getDataContentType()).isEqualTo("application/json");
			// data is the contract's object, embedded as JSON (not a base64 string)
			assertThat(objectMapper.readTree(record.value()).get("data").isObject()).isTrue();
			assertThat(json(event)).isEqualTo(objectMapper.readTree("""
					{ "requestRef": "%s", "channel": "ticket", "customerId": "C-4410", "serviceType": "iColocation",
					  "serviceId": "COLO-7781", "message": "We need a few more details.",
					  "missingFields": ["useCase", "recipientSource"],
					  "questions": "How do you obtain your recipients?" }
					""".formatted(requestRef)));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingRowsMentioning(requestRef) == 0);
		assertThat(rowsMentioning(requestRef)).isOne();
	}

	@Test
	void sendsNothingWhenTheTransactionRollsBack() throws Exception {
		String requestRef = unique("T-");
		try (TopicReader replies = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.replies())) {
			assertThatRuntimeException().isThrownBy(() -> inTransaction(() -> {
				outbound.notify(notice(CustomerNotice.Type.REQUEST_REJECTED, requestRef, "duplicate"));
				throw new IllegalStateException("the caller failed after writing");
			})).withMessage("the caller failed after writing");

			assertThat(rowsMentioning(requestRef)).isZero();
			relay.publishPending();
			assertThat(rowsMentioning(requestRef)).isZero();

			// Same key, so same partition, written later: had the rolled-back notice been
			// sent, it would come first.
			inTransaction(() -> outbound.notify(notice(CustomerNotice.Type.REQUEST_CLOSED, requestRef, "no answer")));
			List<ConsumerRecord<String, byte[]>> records = replies.awaitWithKey(requestRef, 1);

			assertThat(records).singleElement()
				.satisfies(record -> assertThat(STRUCTURED.deserialize(record.value()).getType())
					.isEqualTo("port25.request.closed"));
		}
	}

	@Test
	void keepsTheOrderOfChangesOfOneService() throws Exception {
		String serviceId = unique("DEV-");
		List<AccessStatus> statuses = List.of(AccessStatus.SUBMITTED, AccessStatus.IN_REVIEW, AccessStatus.APPROVED,
				AccessStatus.ENABLED, AccessStatus.DISABLED, AccessStatus.ENABLED, AccessStatus.REVOKED);
		try (TopicReader changes = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.accessChanges())) {
			AccessStatus previous = null;
			for (AccessStatus status : statuses) {
				AccessChanged change = change(serviceId, status, previous);
				inTransaction(() -> outbound.publish(change));
				previous = status;
			}

			List<ConsumerRecord<String, byte[]>> records = changes.awaitWithKey(serviceId, statuses.size());

			assertThat(records).hasSize(statuses.size());
			assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
			List<String> published = new ArrayList<>();
			for (ConsumerRecord<String, byte[]> record : records) {
				CloudEvent event = STRUCTURED.deserialize(record.value());
				assertThat(event.getType()).isEqualTo("port25.access.changed");
				published.add(json(event).get("status").asText());
			}
			assertThat(published).containsExactlyElementsOf(statuses.stream().map(AccessStatus::name).toList());
			assertThat(json(STRUCTURED.deserialize(records.get(1).value()))).isEqualTo(objectMapper.readTree("""
					{ "serviceType": "cMetal", "serviceId": "%s", "customerId": "C-5120", "requestRef": "D-%s",
					  "status": "IN_REVIEW", "previousStatus": "SUBMITTED", "actor": "port25-workflow",
					  "at": "2026-11-27T10:15:00Z" }
					""".formatted(serviceId, serviceId)));
		}
	}

	@Test
	void refusesToWriteOutsideATransaction() {
		String serviceId = unique("DEV-");

		assertThatIllegalStateException()
			.isThrownBy(() -> outbound.publish(change(serviceId, AccessStatus.SUBMITTED, null)))
			.withMessageContaining("must be written in a transaction");
		assertThat(rowsMentioning(serviceId)).isZero();
	}

	@Test
	void publishesPortCommandsKeyedByServiceId() throws Exception {
		String serviceId = unique("DEV-");
		String commandId = UUID.randomUUID().toString();
		PortCommand command = new PortCommand(PortCommand.Action.OPEN, commandId, ServiceType.C_METAL, serviceId,
				List.of("203.0.113.10", "2001:db8::10"), "approved request", "D-" + serviceId);
		try (TopicReader commands = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.networkCommands())) {
			inTransaction(() -> outbound.send(command));

			ConsumerRecord<String, byte[]> record = commands.awaitWithKey(serviceId, 1).get(0);

			assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/cloudevents+json");
			CloudEvent event = STRUCTURED.deserialize(record.value());
			assertThat(event.getType()).isEqualTo("port25.port.open");
			assertThat(event.getSource()).hasToString("/port25-workflow");
			assertThat(json(event)).isEqualTo(objectMapper.readTree("""
					{ "commandId": "%s", "serviceType": "cMetal", "serviceId": "%s",
					  "ipAddresses": ["203.0.113.10", "2001:db8::10"], "reason": "approved request",
					  "requestRef": "D-%s" }
					""".formatted(commandId, serviceId, serviceId)));
		}
	}

	@Test
	void deletesSentEventsAfterTheRetention() {
		String serviceId = unique("DEV-");
		inTransaction(() -> outbound.publish(change(serviceId, AccessStatus.SUBMITTED, null)));
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingRowsMentioning(serviceId) == 0);
		relay.purgeSent();
		assertThat(rowsMentioning(serviceId)).isOne();

		jdbc.sql("update outbox_event set published_at = now() - interval '8 days' where "
				+ "convert_from(payload, 'UTF8') like :pattern")
			.param("pattern", "%" + serviceId + "%")
			.update();
		relay.purgeSent();

		assertThat(rowsMentioning(serviceId)).isZero();
	}

	@Test
	void aRelayPassCommitsWithoutWaitingForTheDiskAndTheNextTransactionOnItsConnectionDoes() {
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		// the test server commits without waiting for the disk throughout: this
		// connection waits, as a production server's do
		String connection = transaction.execute(
				(status) -> jdbc.sql("select pg_backend_pid()::text, set_config('synchronous_commit', 'on', false)")
					.query((row, number) -> row.getString(1))
					.single());
		try {
			// the pass joins this transaction, so that its setting can be read before it
			// ends
			List<String> during = transaction.execute((status) -> {
				relay.publishPending();
				return connectionAndCommitSetting();
			});
			List<String> after = transaction.execute((status) -> connectionAndCommitSetting());

			assumeThat(List.of(during.get(0), after.get(0))).as("the pool handed this thread the same connection again")
				.containsOnly(connection);
			assertThat(during.get(1)).isEqualTo("off");
			assertThat(after.get(1)).as("an event's transaction after a pass on the same connection").isEqualTo("on");
		}
		finally {
			transaction.executeWithoutResult((status) -> jdbc.sql("reset synchronous_commit").update());
		}
	}

	private List<String> connectionAndCommitSetting() {
		return jdbc.sql("select pg_backend_pid()::text, current_setting('synchronous_commit')")
			.query((row, number) -> List.of(row.getString(1), row.getString(2)))
			.single();
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
	}

	private int rowsMentioning(String text) {
		return count("select count(*) from outbox_event where convert_from(payload, 'UTF8') like :pattern", text);
	}

	private int pendingRowsMentioning(String text) {
		return count("select count(*) from outbox_event where published_at is null "
				+ "and convert_from(payload, 'UTF8') like :pattern", text);
	}

	private int count(String sql, String text) {
		return jdbc.sql(sql).param("pattern", "%" + text + "%").query(Integer.class).single();
	}

	private JsonNode json(CloudEvent event) throws Exception {
		return objectMapper.readTree(event.getData().toBytes());
	}

	private static CustomerNotice notice(CustomerNotice.Type type, String requestRef, String reason) {
		return new CustomerNotice(type, requestRef, Channel.DASHBOARD, "C-5120", ServiceType.C_METAL, "DEV-1",
				"About your request", reason, null, null, null);
	}

	private static AccessChanged change(String serviceId, AccessStatus status, AccessStatus previous) {
		return new AccessChanged(ServiceType.C_METAL, serviceId, "C-5120", "D-" + serviceId, status, previous,
				"port25-workflow", null, Instant.parse("2026-11-27T10:15:00Z"));
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID();
	}

}
