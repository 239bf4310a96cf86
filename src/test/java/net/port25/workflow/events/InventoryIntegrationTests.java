package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.FormText;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.inventory.ServiceRecord;
import net.port25.workflow.inventory.ServiceStatus;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 (contract 1.1): the inventory topic kept as the engine's own copy; ownership
 * checked at every entrance; access ends when a service changes hands; what the reviewer
 * sees of it.
 */
@IntegrationTest
class InventoryIntegrationTests extends EndToEnd {

	@Autowired
	ServiceInventory inventory;

	@Autowired
	Requests requests;

	// ---- 1. the inventory module

	@Test
	void keepsTheLatestRecordOfEachServiceFromTheContractsExamplesAndAppliesEachEventOnce() {
		String device = "DEV-INV-" + System.nanoTime();
		ObjectNode active = example("inventory-cmetal-active.json", device);
		ObjectNode released = example("inventory-cmetal-released.json", device);

		traffic.publish(topics.inventory(), device, released);
		traffic.publish(topics.inventory(), device, active);
		traffic.publish(topics.inventory(), device, released);

		ContractTraffic.awaitTrue(
				() -> inventory.find(device).map((record) -> record.status() == ServiceStatus.RELEASED).orElse(false));
		ServiceRecord record = inventory.find(device).orElseThrow();
		assertThat(record.at()).isEqualTo(Instant.parse("2026-12-15T16:30:00Z"));
		assertThat(record.ipAddresses()).isEmpty();
		assertThat(record.customerId()).isEqualTo("C-3301");
	}

	@Test
	void deadLettersAnInventoryRecordItCannotReadAndGoesOn() {
		String device = "DEV-BAD-" + System.nanoTime();
		ObjectNode bad = example("inventory-cmetal-active.json", device);
		((ObjectNode) bad.get("data")).put("status", "gone");

		traffic.publish(topics.inventory(), device, bad);
		traffic.publish(topics.inventory(), device, example("inventory-cmetal-active.json", device));

		ContractTraffic.awaitTrue(() -> inventory.find(device).isPresent());
		List<JsonNode> dead = traffic.all(topics.inventory() + TopicsProperties.DEAD_LETTER_SUFFIX, device);
		assertThat(dead).singleElement()
			.satisfies((record) -> assertThat(record.at("/data/status").asText()).isEqualTo("gone"));
	}

	// ---- 2. ownership at every entrance

	@Test
	void refusesARequestForAServiceTheInventoryListsUnderAnotherCustomerWithoutNamingThem() {
		ContractTraffic.Request owner = ownersRequestAwaitingReview();

		ContractTraffic.Request stranger = traffic.submit("submitted-icolocation.json",
				(data) -> data.put("serviceId", owner.serviceId()));

		JsonNode refused = traffic.reply(stranger.ref(), 1, "port25.request.rejected");
		assertThat(refused.at("/data/reasonCode").asText()).isEqualTo("not-your-service");
		assertThat(refused.at("/data/message").asText())
			.contains("we could not find service " + owner.serviceId() + " in your account");
		assertThat(refused.toString()).doesNotContain(owner.customerId(), owner.ref());
		assertThat(requests.find(stranger.ref())).isEmpty();
		assertThat(requests.get(owner.ref()).status()).isEqualTo(AccessStatus.IN_REVIEW);
		EndToEnd.assertReadable(refused);
	}

	@Test
	void refusesARequestForAServiceTheInventoryListsUnderAnotherTypeWithoutSayingWhatItIs() {
		String customer = "C-TYPE-" + System.nanoTime();
		String device = "DEV-TYPE-" + System.nanoTime();
		List<String> ips = List.of("198.19.1." + (System.nanoTime() % 250 + 1));
		traffic.inventory(device, "cMetal", customer, ips, "active");
		ContractTraffic.awaitTrue(() -> inventory.find(device).isPresent());

		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json",
				(data) -> data.put("serviceId", device)
					.put("customerId", customer)
					.set("ipAddresses", json.valueToTree(ips)));

		JsonNode refused = traffic.reply(request.ref(), 1, "port25.request.rejected");
		assertThat(refused.at("/data/reasonCode").asText()).isEqualTo("not-your-service");
		assertThat(refused.at("/data/message").asText())
			.contains("we could not find service " + device + " in your account");
		assertThat(refused.at("/data/serviceType").asText()).isEqualTo("iColocation");
		assertThat(requests.find(request.ref())).isEmpty();
		assertThat(traffic.all(topics.networkCommands(), device)).isEmpty();
		EndToEnd.assertReadable(refused);
	}

	@Test
	void refusesARequestWithAddressesThatAreNotTheServices() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		String service = "COLO-" + System.nanoTime();
		traffic.inventory(service, "iColocation", request.customerId(), List.of("198.19.0.1"), "active");
		ContractTraffic.awaitTrue(() -> inventory.find(service).isPresent());

		ContractTraffic.Request other = traffic.submit("submitted-icolocation.json",
				(data) -> data.put("serviceId", service).put("customerId", request.customerId()));

		JsonNode refused = traffic.reply(other.ref(), 1, "port25.request.rejected");
		assertThat(refused.at("/data/reasonCode").asText()).isEqualTo("not-your-service");
	}

	@Test
	void refusesAToggleOfADeviceTheInventoryListsUnderSomeoneElse() {
		ContractTraffic.Request request = approvedCMetal();
		traffic.inventoryOf(request, "cMetal");
		ContractTraffic.awaitTrue(() -> inventory.find(request.serviceId()).isPresent());
		String formerUser = "C-FORMER-" + System.nanoTime();

		traffic.toggle(request.serviceId(), formerUser, true);

		JsonNode refused = traffic.reply(request.serviceId(), 1, "port25.toggle.refused");
		assertThat(refused.at("/data/reasonCode").asText()).isEqualTo("not-your-service");
		assertThat(refused.toString()).doesNotContain(request.customerId(), request.ref());
	}

	@Test
	void showsTheReviewerAServiceTheInventoryDoesNotKnowAsAFinding() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});

		String instance = awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST).getProcessInstanceId();

		assertThat(requests.get(request.ref()).findings()).extracting(Finding::code).contains("INVENTORY_UNKNOWN");
		assertThat(FormText.asRead(runtimeService.getVariable(instance, Variables.REQUEST_SUMMARY)))
			.contains("Inventory: the service is not known to the inventory");
	}

	@Test
	void showsTheReviewerThatTheInventoryAgreesWithTheRequest() {
		ContractTraffic.Request request = ownersRequestAwaitingReview();

		String instance = awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST).getProcessInstanceId();

		assertThat(requests.get(request.ref()).findings()).extracting(Finding::code)
			.doesNotContain("INVENTORY_UNKNOWN", "INVENTORY_DISAGREES");
		assertThat(FormText.asRead(runtimeService.getVariable(instance, Variables.REQUEST_SUMMARY)))
			.contains("Inventory: iColocation " + request.serviceId() + " of customer " + request.customerId()
					+ ", active")
			.contains(": agrees with the request");
	}

	@Test
	void someoneElsesRequestNeverBlocksTheOwnersOwn() {
		ContractTraffic.Request stranger = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		awaitTask(stranger, Port25AccessProcess.TASK_REVIEW_REQUEST);
		String owner = "C-OWNER-" + System.nanoTime();
		traffic.inventory(stranger.serviceId(), "iColocation", owner, stranger.ipAddresses(), "active");

		JsonNode closed = traffic.reply(stranger.ref(), 1, "port25.request.closed");
		assertThat(closed.at("/data/reasonCode").asText()).isEqualTo("inventory-changed");

		ContractTraffic.Request own = traffic.submit("submitted-icolocation.json",
				(data) -> data.put("serviceId", stranger.serviceId())
					.put("customerId", owner)
					.set("ipAddresses", json.valueToTree(stranger.ipAddresses())));
		ContractTraffic.awaitTrue(() -> requests.find(own.ref())
			.map((record) -> record.status() == AccessStatus.IN_REVIEW)
			.orElse(false));
	}

	// ---- 3. changes of hands

	@Test
	void revokesSwitchedOnAccessAtOnceWhenTheDeviceIsReleasedAndClosesItsApprovedAddresses() {
		ContractTraffic.Request request = switchedOnCMetal();

		traffic.inventory(request.serviceId(), "cMetal", request.customerId(), List.of(), "released");

		JsonNode revoked = traffic.reply(request.ref(), 3, "port25.access.revoked");
		assertThat(revoked.at("/data/reasonCode").asText()).isEqualTo("inventory-changed");
		JsonNode close = traffic.commands(request.serviceId(), 2).get(1);
		assertThat(close.get("type").asText()).isEqualTo("port25.port.close");
		assertThat(close.at("/data/ipAddresses")).extracting(JsonNode::asText)
			.containsExactlyElementsOf(request.ipAddresses());
		assertThat(requests.get(request.ref()).status()).isEqualTo(AccessStatus.REVOKED);
		EndToEnd.assertReadable(revoked);
	}

	@Test
	void revokesAccessWhenTheServiceIsSuspendedOrMovedToAnotherCustomer() {
		ContractTraffic.Request suspended = switchedOnCMetal();
		ContractTraffic.Request moved = switchedOnCMetal();

		traffic.inventory(suspended.serviceId(), "cMetal", suspended.customerId(), suspended.ipAddresses(),
				"suspended");
		traffic.inventory(moved.serviceId(), "cMetal", "C-NEW-" + System.nanoTime(), moved.ipAddresses(), "active");

		assertThat(traffic.reply(suspended.ref(), 3, "port25.access.revoked").at("/data/reasonCode").asText())
			.isEqualTo("inventory-changed");
		assertThat(traffic.reply(moved.ref(), 3, "port25.access.revoked").at("/data/reasonCode").asText())
			.isEqualTo("inventory-changed");
	}

	@Test
	void closesAnApprovedAddressThatLeavesTheServiceAndNeverOpensOneThatJoins() {
		ContractTraffic.Request request = switchedOnCMetal();
		String joining = "198.19.9." + (System.nanoTime() % 250);

		traffic.inventory(request.serviceId(), "cMetal", request.customerId(),
				List.of(request.ipAddresses().get(0), joining), "active");

		JsonNode close = traffic.commands(request.serviceId(), 2).get(1);
		assertThat(close.get("type").asText()).isEqualTo("port25.port.close");
		assertThat(close.at("/data/ipAddresses")).extracting(JsonNode::asText)
			.containsExactly(request.ipAddresses().get(1));
		assertThat(requests.get(request.ref()).status()).isEqualTo(AccessStatus.ENABLED);

		traffic.toggle(request.serviceId(), request.customerId(), false);
		traffic.toggle(request.serviceId(), request.customerId(), true);

		JsonNode reopened = traffic.commands(request.serviceId(), 4).get(3);
		assertThat(reopened.get("type").asText()).isEqualTo("port25.port.open");
		assertThat(reopened.at("/data/ipAddresses")).extracting(JsonNode::asText)
			.containsExactly(request.ipAddresses().get(0));
	}

	@Test
	void closesAPendingRequestWhenTheServiceChangesHands() {
		ContractTraffic.Request request = ownersRequestAwaitingReview();

		traffic.inventory(request.serviceId(), "iColocation", request.customerId(), request.ipAddresses(), "released");

		JsonNode closed = traffic.reply(request.ref(), 2, "port25.request.closed");
		assertThat(closed.at("/data/reasonCode").asText()).isEqualTo("inventory-changed");
		assertThat(closed.at("/data/message").asText()).contains("the service changed in our records");
		ContractTraffic.awaitTrue(() -> requests.get(request.ref()).status() == AccessStatus.CLOSED);
		EndToEnd.assertReadable(closed);
	}

	// ---- 5. order and races

	@Test
	void endsRevokedWhenAToggleAndAReleaseArriveTogetherInEitherOrder() {
		ContractTraffic.Request toggleFirst = approvedOwnedCMetal();
		ContractTraffic.Request releaseFirst = approvedOwnedCMetal();

		traffic.toggle(toggleFirst.serviceId(), toggleFirst.customerId(), true);
		traffic.inventory(toggleFirst.serviceId(), "cMetal", toggleFirst.customerId(), List.of(), "released");
		traffic.inventory(releaseFirst.serviceId(), "cMetal", releaseFirst.customerId(), List.of(), "released");
		traffic.toggle(releaseFirst.serviceId(), releaseFirst.customerId(), true);

		for (ContractTraffic.Request request : List.of(toggleFirst, releaseFirst)) {
			ContractTraffic.awaitTrue(() -> requests.get(request.ref()).status() == AccessStatus.REVOKED);
			assertEndsClosed(request);
		}
	}

	@Test
	void endsRevokedWhenCriticalAbuseAndAReleaseArriveTogetherInEitherOrder() {
		ContractTraffic.Request abuseFirst = switchedOnCMetal();
		ContractTraffic.Request releaseFirst = switchedOnCMetal();

		traffic.abuse(abuseFirst.serviceId(), "critical", "spam", "spam run");
		traffic.inventory(abuseFirst.serviceId(), "cMetal", abuseFirst.customerId(), List.of(), "released");
		traffic.inventory(releaseFirst.serviceId(), "cMetal", releaseFirst.customerId(), List.of(), "released");
		traffic.abuse(releaseFirst.serviceId(), "critical", "spam", "spam run");

		for (ContractTraffic.Request request : List.of(abuseFirst, releaseFirst)) {
			ContractTraffic.awaitTrue(() -> requests.get(request.ref()).status() == AccessStatus.REVOKED);
			assertEndsClosed(request);
			assertThat(traffic.all(topics.replies(), request.ref()))
				.filteredOn((reply) -> reply.get("type").asText().equals("port25.access.revoked"))
				.hasSize(1);
		}
	}

	/**
	 * The last command closes the port, and nothing opens it after; exactly one close for
	 * the revocation.
	 */
	private void assertEndsClosed(ContractTraffic.Request request) {
		ContractTraffic.awaitTrue(() -> !traffic.all(topics.networkCommands(), request.serviceId()).isEmpty());
		List<String> commands = traffic.all(topics.networkCommands(), request.serviceId())
			.stream()
			.map((command) -> command.get("type").asText())
			.toList();
		assertThat(commands).last().isEqualTo("port25.port.close");
		assertThat(commands.stream().filter("port25.port.close"::equals)).hasSize(1);
	}

	private ContractTraffic.Request ownersRequestAwaitingReview() {
		ContractTraffic.Request request = traffic.submit("submitted-icolocation.json", (data) -> {
		});
		awaitTask(request, Port25AccessProcess.TASK_REVIEW_REQUEST);
		traffic.inventoryOf(request, "iColocation");
		ContractTraffic.awaitTrue(() -> inventory.find(request.serviceId()).isPresent());
		// assessed again with the inventory: ask for more information and answer it
		complete(request, Port25AccessProcess.TASK_REVIEW_REQUEST,
				Map.of(Variables.DECISION, "request-info", Variables.QUESTIONS, "Anything to add?"));
		traffic.answer(request, null, "Nothing to add.");
		ContractTraffic.awaitTrue(() -> requests.get(request.ref()).status() == AccessStatus.IN_REVIEW);
		return request;
	}

	private ContractTraffic.Request approvedOwnedCMetal() {
		ContractTraffic.Request request = approvedCMetal();
		traffic.inventoryOf(request, "cMetal");
		ContractTraffic.awaitTrue(() -> inventory.find(request.serviceId()).isPresent());
		return request;
	}

	private ContractTraffic.Request switchedOnCMetal() {
		ContractTraffic.Request request = approvedOwnedCMetal();
		traffic.toggle(request.serviceId(), request.customerId(), true);
		traffic.commands(request.serviceId(), 1);
		return request;
	}

	/**
	 * A contract example of the inventory topic for another device, with a fresh event
	 * id.
	 */
	private ObjectNode example(String name, String device) {
		ObjectNode event = traffic.example(name);
		((ObjectNode) event.get("data")).put("serviceId", device);
		return event;
	}

}
