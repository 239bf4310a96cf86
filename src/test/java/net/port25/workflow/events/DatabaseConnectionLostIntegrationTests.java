package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * An event whose database connection is lost while it is being applied (PostgreSQL
 * stopped or restarted, the backend terminated) is applied once the database answers
 * again, and never dead-lettered: the fault suite (faults/) found such events on the
 * dead-letter topics after a PostgreSQL immediate stop, because the rollback on the
 * closed connection failed as well and hid the connection failure.
 */
@IntegrationTest
class DatabaseConnectionLostIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Requests requests;

	@Autowired
	ObjectMapper json;

	@Autowired
	Infrastructure infrastructure;

	@Test
	void anEventWhoseConnectionIsTerminatedMidTransactionIsAppliedOnceTheDatabaseAnswersAndNotDeadLettered()
			throws Exception {
		String requestRef = "LOST-CONNECTION-" + UUID.randomUUID();
		try (Connection blocker = this.dataSource.getConnection(); Statement statement = blocker.createStatement()) {
			blocker.setAutoCommit(false);
			// the event's claim waits for this lock, inside the transaction that applies
			// it
			statement.execute("lock table processed_event in exclusive mode");
			this.kafka.send(this.topics.requests(), requestRef, submitted(requestRef)).get();
			Integer waiting = await().atMost(Duration.ofSeconds(30))
				.until(this::backendWaitingToClaim, Optional::isPresent)
				.get();

			// what an immediate stop does to that backend: its connection ends
			// mid-statement
			this.jdbc.sql("select pg_terminate_backend(:pid)").param("pid", waiting).query(Boolean.class).single();
			Thread.sleep(1000);
			blocker.commit();
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> this.requests.find(requestRef).isPresent());
		assertThat(this.jdbc.sql("select count(*) from act_hi_procinst where business_key_ = :ref")
			.param("ref", requestRef)
			.query(Long.class)
			.single()).isEqualTo(1);
		try (TopicReader deadLetters = new TopicReader(this.infrastructure.kafkaBootstrapServers(),
				TopicsProperties.deadLetterTopicOf(this.topics.requests()))) {
			assertThat(deadLetters.allWithKey(requestRef)).isEmpty();
		}
	}

	private Optional<Integer> backendWaitingToClaim() {
		List<Integer> waiting = this.jdbc.sql("""
				select pid from pg_stat_activity
				where wait_event_type = 'Lock' and query like 'insert into processed_event%'""")
			.query(Integer.class)
			.list();
		return waiting.stream().findFirst();
	}

	private byte[] submitted(String requestRef) throws Exception {
		ObjectNode event = (ObjectNode) this.json.readTree(ContractExamples.read("submitted-icolocation.json"));
		event.put("id", UUID.randomUUID().toString());
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("requestRef", requestRef);
		data.put("serviceId", "SVC-" + requestRef);
		data.putArray("ipAddresses").add("192.0.2." + (1 + Math.floorMod(requestRef.hashCode(), 250)));
		return this.json.writeValueAsBytes(event);
	}

}
