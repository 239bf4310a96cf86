package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.intake.RequestIntake;
import net.port25.workflow.intake.RequestSubmitted;
import net.port25.workflow.intake.Submission;
import net.port25.workflow.inventory.ServiceChanged;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.inventory.ServiceStatus;
import net.port25.workflow.request.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Where the inventory is required (the production default), a request for a service it
 * does not know is refused as not the customer's, and one it lists under the customer
 * goes on. This context consumes nothing from the broker, so that it never takes another
 * test's events; what it says still goes out through the outbox.
 */
@IntegrationTest
@TestPropertySource(properties = { "port25.inventory.required=true", "spring.kafka.listener.auto-startup=false" })
class RequiredInventoryIntegrationTests {

	@Autowired
	RequestIntake intake;

	@Autowired
	ServiceInventory inventory;

	@Autowired
	Requests requests;

	@Autowired
	ObjectMapper json;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Infrastructure infrastructure;

	@Test
	void refusesAServiceTheInventoryDoesNotKnowAndTakesOneItListsUnderTheCustomer() throws Exception {
		String unknown = "T-UNKNOWN-" + System.nanoTime();
		String known = "T-KNOWN-" + System.nanoTime();
		String service = "COLO-REQ-" + System.nanoTime();
		inventory.apply(new ServiceChanged(service, ServiceType.I_COLOCATION, "C-4410", List.of("198.18.7.1"),
				ServiceStatus.ACTIVE, Instant.now()), "evt-" + service);

		assertThat(intake.submit(request(unknown, "COLO-NOWHERE-" + System.nanoTime(), "198.18.7.2"), "evt-" + unknown))
			.isEqualTo(Submission.NOT_YOUR_SERVICE);
		assertThat(intake.submit(request(known, service, "198.18.7.1"), "evt-" + known))
			.isEqualTo(Submission.REGISTERED);

		try (TopicReader replies = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.replies())) {
			JsonNode refused = json.readTree(replies.awaitWithKey(unknown, 1).get(0).value());
			assertThat(refused.at("/data/reasonCode").asText()).isEqualTo("not-your-service");
		}
		assertThat(requests.find(unknown)).isEmpty();
		assertThat(requests.find(known)).isPresent();
	}

	private RequestSubmitted request(String ref, String serviceId, String ip) throws Exception {
		ObjectNode data = (ObjectNode) json.readTree(ContractExamples.read("submitted-icolocation.json")).get("data");
		data.put("requestRef", ref).put("serviceId", serviceId).putArray("ipAddresses").add(ip);
		return json.treeToValue(data, RequestSubmitted.class);
	}

}
