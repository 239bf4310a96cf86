package net.port25.workflow.events;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The contract's events as the surrounding systems send them, over the real broker, and
 * what the engine answers, read back with a real consumer. Each request it makes has its
 * own reference, service id and IP addresses, so that tests sharing one broker and
 * database never see each other's.
 */
final class ContractTraffic {

	private static final AtomicInteger sequence = new AtomicInteger();

	/** One request's identities. */
	record Request(String ref, String serviceId, String customerId, List<String> ipAddresses) {
	}

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectMapper json;

	private final TopicsProperties topics;

	private final String bootstrapServers;

	ContractTraffic(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, TopicsProperties topics,
			String bootstrapServers) {
		this.kafka = kafka;
		this.json = json;
		this.topics = topics;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Submits the example request with fresh identities, its data changed as the test
	 * says.
	 */
	Request submit(String example, Consumer<ObjectNode> change) {
		int n = sequence.incrementAndGet();
		String suffix = n + "-" + System.nanoTime();
		Request request = new Request("T-E2E-" + suffix, "SVC-" + suffix, "CUST-" + suffix, List
			.of("198.51." + (n / 250 % 250) + "." + (n % 250 + 1), "198.52." + (n / 250 % 250) + "." + (n % 250 + 1)));
		ObjectNode event = example(example);
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("requestRef", request.ref()).put("customerId", request.customerId());
		if (data.has("body")) {
			data.put("body",
					data.get("body")
						.asText()
						.replace("VS-22817", request.serviceId())
						.replace("203.0.113.40", String.join(", ", request.ipAddresses())));
		}
		else {
			data.put("serviceId", request.serviceId());
			data.set("ipAddresses", json.valueToTree(request.ipAddresses()));
		}
		change.accept(data);
		publish(topics.requests(), request.ref(), event);
		return request;
	}

	/** The example event with a fresh event id. */
	ObjectNode example(String name) {
		try {
			ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read(name));
			event.put("id", UUID.randomUUID().toString());
			return event;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An event of the contract with a fresh id. */
	ObjectNode event(String type, String source, ObjectNode data) {
		return event(json, type, source, data);
	}

	/** An event of the contract with a fresh id, for tests that send no traffic. */
	static ObjectNode event(ObjectMapper json, String type, String source, ObjectNode data) {
		ObjectNode event = json.createObjectNode()
			.put("specversion", "1.0")
			.put("id", UUID.randomUUID().toString())
			.put("source", source)
			.put("type", type)
			.put("time", java.time.Instant.now().toString())
			.put("datacontenttype", "application/json");
		event.set("data", data);
		return event;
	}

	ObjectNode data() {
		return json.createObjectNode();
	}

	/** The customer's answer, in fields and in words. */
	void answer(Request request, Consumer<ObjectNode> fields, String body) {
		ObjectNode data = data().put("requestRef", request.ref());
		if (fields != null) {
			fields.accept(data.putObject("fields"));
		}
		if (body != null) {
			data.put("body", body);
		}
		publish(topics.requests(), request.ref(), event("port25.request.info-provided", "/ticketing", data));
	}

	void withdraw(Request request) {
		publish(topics.requests(), request.ref(),
				event("port25.request.withdrawn", "/ticketing", data().put("requestRef", request.ref())));
	}

	void toggle(String serviceId, String customerId, boolean enabled) {
		publish(topics.dashboardToggles(), serviceId, event("port25.toggle.requested", "/dashboard",
				data().put("serviceId", serviceId).put("customerId", customerId).put("enabled", enabled)));
	}

	void abuse(String serviceId, String severity, String category, String evidence) {
		publish(topics.abuseEvents(), serviceId,
				event("port25.abuse.detected", "/abuse-monitor",
						data().put("serviceId", serviceId)
							.put("category", category)
							.put("severity", severity)
							.put("evidence", evidence)
							.put("detectedAt", java.time.Instant.now().toString())));
	}

	/** The provisioning system's record of a service, as of now. */
	void inventory(String serviceId, String serviceType, String customerId, List<String> ipAddresses, String status) {
		ObjectNode data = data().put("serviceId", serviceId)
			.put("serviceType", serviceType)
			.put("customerId", customerId)
			.put("status", status)
			.put("at", java.time.Instant.now().toString());
		data.set("ipAddresses", json.valueToTree(ipAddresses));
		publish(topics.inventory(), serviceId, event("port25.service.changed", "/provisioning", data));
	}

	/**
	 * The request's service as the inventory lists it: active, the request's customer,
	 * type and addresses.
	 */
	void inventoryOf(Request request, String serviceType) {
		inventory(request.serviceId(), serviceType, request.customerId(), request.ipAddresses(), "active");
	}

	void publish(String topic, String key, ObjectNode event) {
		try {
			kafka.send(topic, key, json.writeValueAsBytes(event)).get();
		}
		catch (IOException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The first {@code count} replies keyed so, once they are there. */
	List<JsonNode> replies(String key, int count) {
		return read(topics.replies(), key, count);
	}

	/**
	 * The last reply keyed so of this type, once there are {@code count} replies in all.
	 */
	JsonNode reply(String key, int count, String type) {
		return replies(key, count).stream()
			.filter((reply) -> type.equals(reply.get("type").asText()))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no " + type + " among the replies for " + key));
	}

	List<JsonNode> commands(String serviceId, int count) {
		return read(topics.networkCommands(), serviceId, count);
	}

	List<String> statuses(String serviceId, int count) {
		return read(topics.accessChanges(), serviceId, count).stream()
			.map((change) -> change.at("/data/status").asText())
			.toList();
	}

	/** Everything keyed so up to the end of the topic now. */
	List<JsonNode> all(String topic, String key) {
		try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
			return reader.allWithKey(key).stream().map(this::read).toList();
		}
	}

	static Duration patience() {
		return Duration.ofSeconds(30);
	}

	private List<JsonNode> read(String topic, String key, int count) {
		try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
			return reader.awaitWithKey(key, count).stream().map(this::read).toList();
		}
	}

	private JsonNode read(ConsumerRecord<String, byte[]> record) {
		try {
			return json.readTree(record.value());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void awaitTrue(java.util.function.BooleanSupplier condition) {
		await().atMost(patience()).until(condition::getAsBoolean);
	}

}
