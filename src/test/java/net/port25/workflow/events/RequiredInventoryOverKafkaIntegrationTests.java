package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.request.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Where the inventory is required (the production default), over the broker: a request on
 * Kafka for a service the inventory does not know is refused as not the customer's, and
 * one it lists under the customer goes to review. This engine reads inbound topics of its
 * own in a group of its own, so that it never takes another test's events nor they its;
 * replies and commands go to the shared outbound topics. It stays open after the class
 * (no {@code @DirtiesContext}): closing it would unregister the process engine that the
 * engine REST API and the webapps of the other contexts find by its name.
 */
@IntegrationTest
@TestPropertySource(properties = { "port25.inventory.required=true",
		"spring.kafka.consumer.group-id=port25-workflow-required-inventory",
		"port25.topics.requests=port25.requests.required-inventory",
		"port25.topics.dashboard-toggles=port25.dashboard.toggles.required-inventory",
		"port25.topics.abuse-events=port25.abuse.events.required-inventory",
		"port25.topics.inventory=port25.inventory.required-inventory" })
class RequiredInventoryOverKafkaIntegrationTests extends EndToEnd {

	@Autowired
	ServiceInventory inventory;

	@Autowired
	Requests requests;

	@Test
	void refusesARequestOnKafkaForAServiceTheInventoryDoesNotKnowWithoutNamingAnyone() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});

		JsonNode refused = traffic.reply(request.ref(), 1, "port25.request.rejected");

		assertThat(refused.at("/data/reasonCode").asText()).isEqualTo("not-your-service");
		assertThat(refused.at("/data/customerId").asText()).isEqualTo(request.customerId());
		assertThat(refused.at("/data/message").asText())
			.contains("we could not find service " + request.serviceId() + " in your account");
		assertThat(requests.find(request.ref())).isEmpty();
		assertThat(traffic.all(topics.accessChanges(), request.serviceId())).isEmpty();
		EndToEnd.assertReadable(refused);
	}

	@Test
	void takesTheRequestOnceTheInventoryListsTheServiceUnderTheCustomer() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		traffic.reply(request.ref(), 1, "port25.request.rejected");
		ContractTraffic.Request known = new ContractTraffic.Request(request.ref() + "-AGAIN", request.serviceId(),
				request.customerId(), request.ipAddresses());
		traffic.inventoryOf(known, "iColocation");
		ContractTraffic.awaitTrue(() -> inventory.find(known.serviceId()).isPresent());

		traffic.submit("submitted-icolocation.json",
				(data) -> data.put("requestRef", known.ref())
					.put("serviceId", known.serviceId())
					.put("customerId", known.customerId())
					.set("ipAddresses", json.valueToTree(known.ipAddresses())));

		awaitTask(known, Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(requests.get(known.ref()).status()).isEqualTo(AccessStatus.IN_REVIEW);
	}

}
