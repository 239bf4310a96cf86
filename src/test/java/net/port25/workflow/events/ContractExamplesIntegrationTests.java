package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The contract's example events, byte for byte, through a real broker into the engine on
 * PostgreSQL, and what comes out read back with a real consumer. Each test follows one
 * example request; they share nothing.
 */
@IntegrationTest
class ContractExamplesIntegrationTests {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	TaskService taskService;

	@Autowired
	Requests records;

	@Autowired
	AuditTrail audit;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	ObjectMapper json;

	@Test
	void submittedRequestWaitsForReviewAndLowAbuseBecomesAFinding() throws Exception {
		publish(topics.requests(), "T-100234", "submitted-icolocation.json");
		Task review = awaitTask("T-100234");
		assertThat(review.getTaskDefinitionKey()).isEqualTo(Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(taskService.getIdentityLinksForTask(review.getId()))
			.anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Port25AccessProcess.GROUP_REVIEWERS));
		RequestRecord record = records.get("T-100234");
		assertThat(record.serviceType()).isEqualTo(ServiceType.I_COLOCATION);
		assertThat(record.status()).isEqualTo(AccessStatus.IN_REVIEW);
		assertThat(statusesOn("COLO-7781", 2)).containsExactly("SUBMITTED", "IN_REVIEW");

		publish(topics.abuseEvents(), "COLO-7781", "abuse-low.json");

		awaitTrue(() -> records.get("T-100234").findings().stream().anyMatch(f -> f.code().equals("ABUSE_REPORTED")));
		assertThat(audit.forRequest("T-100234")).extracting("sourceEventId")
			.contains("3e4f5a6b-7c8d-4e9f-0a1b-2c3d4e5f6a08");
	}

	@Test
	void templateTextRequestIsParsedReviewedAndWithdrawn() throws Exception {
		publish(topics.requests(), "T-100240", "submitted-cvirtual-template-text.json");
		awaitTask("T-100240");
		assertThat(records.get("T-100240").facts().serviceId()).isEqualTo("VS-22817");

		publish(topics.requests(), "T-100240", "withdrawn.json");

		assertThat(statusesOn("VS-22817", 3)).containsExactly("SUBMITTED", "IN_REVIEW", "WITHDRAWN");
	}

	@Test
	void cMetalRequestIsCompletedApprovedSwitchedOnAndRevokedOnCriticalAbuse() throws Exception {
		publish(topics.requests(), "D-55012", "submitted-cmetal-incomplete.json");
		JsonNode infoRequested = data(replies("D-55012", 1).get(0));
		assertThat(infoRequested.get("missingFields")).extracting(JsonNode::asText)
			.contains("application", "expectedDailyVolume", "dmarcConfigured");

		publish(topics.requests(), "D-55012", "info-provided-cmetal.json");
		taskService.complete(awaitTask("D-55012").getId(),
				java.util.Map.of(Port25AccessProcess.Variables.DECISION, "approve"));
		publish(topics.dashboardToggles(), "DEV-90017", "toggle-enable-cmetal.json");
		// the abuse monitor sees the switched-on port: on other topics, the two events
		// would race
		awaitTrue(() -> records.get("D-55012").status() == AccessStatus.ENABLED);
		publish(topics.abuseEvents(), "192.0.2.77", "abuse-critical.json");

		try (TopicReader commands = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.networkCommands())) {
			assertThat(commands.awaitWithKey("DEV-90017", 2)).extracting(this::type)
				.containsExactly("port25.port.open", "port25.port.close");
		}
		assertThat(replies("D-55012", 3)).extracting(this::type)
			.containsExactly("port25.info.requested", "port25.request.approved", "port25.access.revoked");
		assertThat(statusesOn("DEV-90017", 6)).containsExactly("SUBMITTED", "INFO_REQUESTED", "IN_REVIEW", "APPROVED",
				"ENABLED", "REVOKED");
	}

	@Test
	void refusesAToggleForAnotherCustomersDevice() throws Exception {
		String requestRef = "D-OTHER-" + System.nanoTime();
		String serviceId = "DEV-" + requestRef;
		publish(topics.requests(), requestRef, withIds("submitted-cmetal-incomplete.json", requestRef, serviceId));
		publish(topics.requests(), requestRef, withIds("info-provided-cmetal.json", requestRef, null));
		taskService.complete(awaitTask(requestRef).getId(),
				java.util.Map.of(Port25AccessProcess.Variables.DECISION, "approve"));
		ObjectNode toggle = withIds("toggle-enable-cmetal.json", null, serviceId);
		((ObjectNode) toggle.get("data")).put("customerId", "C-9999");

		kafka.send(topics.dashboardToggles(), serviceId, json.writeValueAsBytes(toggle)).get();

		awaitTrue(() -> audit.forService(serviceId).stream().anyMatch(e -> e.action() == AuditAction.TOGGLE_REFUSED));
		try (TopicReader commands = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.networkCommands())) {
			assertThat(commands.allWithKey(serviceId)).isEmpty();
		}
		assertThat(records.get(requestRef).status()).isEqualTo(AccessStatus.APPROVED);
	}

	@Test
	void answersInformationForAnUnknownRequestOnTheReplyTopic() throws Exception {
		String requestRef = "D-UNKNOWN-" + System.nanoTime();

		publish(topics.requests(), requestRef, withIds("info-provided-cmetal.json", requestRef, null));

		JsonNode reply = read(replies(requestRef, 1).get(0));
		assertThat(reply.get("type").asText()).isEqualTo("port25.request.not-open");
		assertThat(reply.at("/data/reason").asText()).isEqualTo("we know no port 25 request with this reference");
		assertThat(reply.at("/data/message").asText()).contains(requestRef);
	}

	/**
	 * A contract example with fresh ids, so that the test shares nothing with the others.
	 */
	private ObjectNode withIds(String example, String requestRef, String serviceId) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read(example));
		event.put("id", java.util.UUID.randomUUID().toString());
		ObjectNode data = (ObjectNode) event.get("data");
		if (requestRef != null) {
			data.put("requestRef", requestRef);
		}
		if (serviceId != null) {
			data.put("serviceId", serviceId);
			if (data.has("ipAddresses")) {
				data.putArray("ipAddresses").add("198.18." + (System.nanoTime() % 250) + ".1");
			}
		}
		return event;
	}

	private void publish(String topic, String key, ObjectNode event) throws Exception {
		kafka.send(topic, key, json.writeValueAsBytes(event)).get();
	}

	private void publish(String topic, String key, String example) throws Exception {
		kafka.send(topic, key, ContractExamples.read(example)).get();
	}

	private Task awaitTask(String requestRef) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> taskService.createTaskQuery().processInstanceBusinessKey(requestRef).singleResult(),
					task -> task != null);
	}

	private static void awaitTrue(Supplier<Boolean> condition) {
		await().atMost(Duration.ofSeconds(30)).until(condition::get);
	}

	private List<ConsumerRecord<String, byte[]>> replies(String requestRef, int count) {
		try (TopicReader replies = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.replies())) {
			return replies.awaitWithKey(requestRef, count);
		}
	}

	private List<String> statusesOn(String serviceId, int count) {
		try (TopicReader changes = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.accessChanges())) {
			return changes.awaitWithKey(serviceId, count)
				.stream()
				.map(record -> data(record).get("status").asText())
				.toList();
		}
	}

	private String type(ConsumerRecord<String, byte[]> record) {
		return read(record).get("type").asText();
	}

	private JsonNode data(ConsumerRecord<String, byte[]> record) {
		return read(record).get("data");
	}

	private JsonNode read(ConsumerRecord<String, byte[]> record) {
		try {
			return json.readTree(record.value());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
