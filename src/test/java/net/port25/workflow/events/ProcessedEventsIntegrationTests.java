package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event is named by its source and id together, as CloudEvents says; the claims of
 * applied events are purged after their retention, but never while a topic could still
 * redeliver their events.
 */
@IntegrationTest
class ProcessedEventsIntegrationTests {

	@Autowired
	ProcessedEvents processedEvents;

	@Autowired
	ProcessedEventsPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Requests requests;

	@Autowired
	ObjectMapper json;

	@Test
	void twoProducersMayUseTheSameIdAndBothEventsAreApplied() throws Exception {
		String id = UUID.randomUUID().toString();
		String fromTicketing = "SAME-ID-T-" + id;
		String fromDashboard = "SAME-ID-D-" + id;

		kafka.send(topics.requests(), fromTicketing, submitted(id, "/ticketing", fromTicketing)).get();
		kafka.send(topics.requests(), fromDashboard, submitted(id, "/dashboard", fromDashboard)).get();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> requests.find(fromTicketing).isPresent() && requests.find(fromDashboard).isPresent());
	}

	@Test
	void claimsAnEventBySourceAndIdTogether() {
		String id = UUID.randomUUID().toString();

		assertThat(claim("/ticketing", id)).isTrue();
		assertThat(claim("/dashboard", id)).isTrue();
		assertThat(claim("/ticketing", id)).isFalse();
	}

	@Test
	void aClaimFromBeforeSourcesWereKeptStandsForItsIdFromAnySource() {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into processed_event (source, event_id, event_type, topic) values ('', :id, 'x', 'y')")
			.param("id", id)
			.update();

		assertThat(claim("/ticketing", id)).isFalse();
	}

	@Test
	void purgesClaimsOlderThanTheRetentionAndKeepsTheYoungerOnes() {
		String old = claimedDaysAgo(40);
		String young = claimedDaysAgo(1);

		assertThat(purge.purge(Duration.ofDays(30))).isGreaterThanOrEqualTo(1);

		assertThat(exists(old)).isFalse();
		assertThat(exists(young)).isTrue();
	}

	@Test
	void refusesToPurgeWhileATopicKeepsItsRecordsAsLong() {
		// the broker keeps the test topics' records for its default of seven days
		String claimed = claimedDaysAgo(3);

		assertThat(purge.purge(Duration.ofDays(2))).isZero();

		assertThat(exists(claimed)).isTrue();
	}

	private boolean claim(String source, String id) {
		CloudEvent event = CloudEventBuilder.v1()
			.withId(id)
			.withSource(URI.create(source))
			.withType("port25.request.withdrawn")
			.build();
		Boolean claimed = new TransactionTemplate(transactionManager)
			.execute((status) -> processedEvents.claim(event, topics.requests()));
		return Boolean.TRUE.equals(claimed);
	}

	private String claimedDaysAgo(int days) {
		String id = UUID.randomUUID().toString();
		jdbc.sql(
				"""
						insert into processed_event (source, event_id, event_type, topic, processed_at)
						values ('/ticketing', :id, 'port25.request.withdrawn', 'port25.requests', now() - make_interval(days => :days))
						""")
			.param("id", id)
			.param("days", days)
			.update();
		return id;
	}

	private boolean exists(String id) {
		return jdbc.sql("select count(*) from processed_event where event_id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	private byte[] submitted(String id, String source, String requestRef) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read("submitted-icolocation.json"));
		event.put("id", id);
		event.put("source", source);
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("requestRef", requestRef);
		data.put("serviceId", "SVC-" + requestRef);
		data.putArray("ipAddresses").add("192.0.2." + (1 + Math.floorMod(requestRef.hashCode(), 250)));
		return json.writeValueAsBytes(event);
	}

}
