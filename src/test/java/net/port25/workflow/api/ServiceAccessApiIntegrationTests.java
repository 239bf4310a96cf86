package net.port25.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.RecordingPorts;
import net.port25.workflow.inventory.ServiceChanged;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.inventory.ServiceStatus;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code /api/services/{serviceId}}: the access state, the cMetal customer switch and the
 * staff revocation, with the same rules as the switch event and abuse revocation.
 */
@IntegrationTest
class ServiceAccessApiIntegrationTests {

	private static final String ON = "{\"enabled\":true}";

	private static final String OFF = "{\"enabled\":false}";

	@Autowired
	WebApplicationContext context;

	@Autowired
	RecordingPorts ports;

	@Autowired
	ServiceInventory inventory;

	ApiFixture fixture;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		fixture = new ApiFixture(context);
		mvc = fixture.mvc();
	}

	// ---- GET /api/services/{serviceId}/access

	@Test
	void customerReadsTheAccessOfTheirServiceWithItsHistory() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.submitted(customer, "cMetal");

		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.customer(customer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.serviceId").value(serviceId(request)))
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.requestRef").value(request.get("requestRef").asText()))
			.andExpect(jsonPath("$.serviceType").value("cMetal"))
			.andExpect(jsonPath("$.customerId").value(customer))
			.andExpect(jsonPath("$.since").exists())
			.andExpect(jsonPath("$.history[*].toStatus", hasItem("SUBMITTED")));
	}

	@Test
	void theNocReadsTheAccessOfAnyService() throws Exception {
		ObjectNode request = fixture.approved(fixture.newCustomer(), "iColocation");

		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.noc()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
	}

	@Test
	void anotherCustomersServiceIsNotFound() throws Exception {
		ObjectNode request = fixture.submitted(fixture.newCustomer(), "cMetal");

		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.customer(fixture.newCustomer())))
			.andExpect(status().isNotFound());
	}

	@Test
	void anUnknownServiceIsNotFound() throws Exception {
		mvc.perform(get("/api/services/{id}/access", ApiFixture.unique("SVC-NONE")).with(fixture.reviewer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void refusesReadingAccessWithoutCredentialsOrOutsideThePort25Groups() throws Exception {
		ObjectNode request = fixture.submitted(fixture.newCustomer(), "cMetal");

		mvc.perform(get("/api/services/{id}/access", serviceId(request))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.staff()))
			.andExpect(status().isForbidden());
	}

	// ---- PUT /api/services/{serviceId}/access

	@Test
	void cMetalCustomerSwitchesThePortOnAndOff() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.approved(customer, "cMetal");

		switchPort(request, ON, fixture.customer(customer)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ENABLED"));
		switchPort(request, OFF, fixture.customer(customer)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISABLED"));

		assertThat(ports.commandActionsFor(serviceId(request))).containsExactly(PortCommand.Action.OPEN,
				PortCommand.Action.CLOSE);
	}

	@Test
	void refusesTheSwitchOfAnotherCustomersDeviceWithoutNamingItsOwner() throws Exception {
		String owner = fixture.newCustomer();
		ObjectNode request = fixture.approved(owner, "cMetal");

		switchPort(request, ON, fixture.customer(fixture.newCustomer())).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("could not find device")))
			.andExpect(content().string(not(containsString(owner))))
			.andExpect(content().string(not(containsString(request.get("requestRef").asText()))));

		assertThat(ports.commandsFor(serviceId(request))).isEmpty();
		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.customer(owner)))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			// the owner does not learn who tried either, neither from the service's
			// history nor from the request's
			.andExpect(jsonPath("$.history[*].action", not(hasItem("TOGGLE_REFUSED"))));
		mvc.perform(get("/api/requests/{ref}", request.get("requestRef").asText()).with(fixture.customer(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.auditTrail[*].action", not(hasItem("TOGGLE_REFUSED"))));
		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.reviewer()))
			.andExpect(jsonPath("$.history[*].action", hasItem("TOGGLE_REFUSED")));
	}

	@Test
	void refusesTheSwitchOfADeviceTheInventoryListsUnderAnotherCustomerWithoutNamingThem() throws Exception {
		String owner = fixture.newCustomer();
		String stranger = fixture.newCustomer();
		ObjectNode strangers = fixture.approved(stranger, "cMetal");
		String device = serviceId(strangers);
		inventory.apply(new ServiceChanged(device, ServiceType.C_METAL, owner, List.of("10.99.0.1"),
				ServiceStatus.ACTIVE, Instant.now()), "evt-" + device);
		String unknownToTheEngine = ApiFixture.unique("DEV-API");
		inventory.apply(new ServiceChanged(unknownToTheEngine, ServiceType.C_METAL, owner, List.of("10.99.0.2"),
				ServiceStatus.ACTIVE, Instant.now()), "evt-" + unknownToTheEngine);

		for (String listedUnderTheOwner : List.of(device, unknownToTheEngine)) {
			mvc.perform(ApiFixture.asJson(put("/api/services/{id}/access", listedUnderTheOwner), ON)
				.with(fixture.customer(stranger)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("could not find device " + listedUnderTheOwner)))
				.andExpect(content().string(not(containsString(owner))))
				.andExpect(content().string(not(containsString("10.99.0."))));
		}

		assertThat(ports.commandActionsFor(device)).doesNotContain(PortCommand.Action.OPEN);
		assertThat(ports.commandsFor(unknownToTheEngine)).isEmpty();
	}

	@Test
	void refusesTheSwitchAfterRevocation() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.approved(customer, "cMetal");
		revoke(request, "{\"reason\":\"Spam run\"}", fixture.reviewer()).andExpect(status().isOk());

		switchPort(request, ON, fixture.customer(customer)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("was revoked on")))
			.andExpect(jsonPath("$.detail", containsString("a decision of our staff")));

		assertThat(ports.commandActionsFor(serviceId(request))).doesNotContain(PortCommand.Action.OPEN);
		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.customer(customer)))
			.andExpect(jsonPath("$.status").value("REVOKED"))
			// the customer's own refused attempt is theirs to see
			.andExpect(jsonPath("$.history[*].action", hasItem("TOGGLE_REFUSED")));
	}

	@Test
	void refusesTheSwitchBeforeApprovalWithTheReason() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.submitted(customer, "cMetal");

		switchPort(request, ON, fixture.customer(customer)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("has not been approved yet")));
	}

	@Test
	void refusesTheSwitchOfAServiceThatStaffOpen() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.approved(customer, "iColocation");

		switchPort(request, ON, fixture.customer(customer)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("opened and closed by our network team")));
	}

	@Test
	void refusesTheSwitchOfAnUnknownDevice() throws Exception {
		mvc.perform(ApiFixture.asJson(put("/api/services/{id}/access", ApiFixture.unique("DEV-NONE")), ON)
			.with(fixture.customer(fixture.newCustomer()))).andExpect(status().isNotFound());
	}

	@Test
	void refusesTheSwitchByStaffOrWithoutCredentials() throws Exception {
		ObjectNode request = fixture.approved(fixture.newCustomer(), "cMetal");

		switchPort(request, ON, fixture.reviewer()).andExpect(status().isForbidden());
		mvc.perform(ApiFixture.asJson(put("/api/services/{id}/access", serviceId(request)), ON))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void refusesABadSwitchBody() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.approved(customer, "cMetal");

		switchPort(request, "{\"enabled\":", fixture.customer(customer)).andExpect(status().isBadRequest());
		switchPort(request, "{\"enabled\":true,\"until\":\"tomorrow\"}", fixture.customer(customer))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("until"));
		switchPort(request, "{\"enabled\":\"maybe\"}", fixture.customer(customer)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("enabled"));
		switchPort(request, "{}", fixture.customer(customer)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enabled"));
		assertThat(ports.commandsFor(serviceId(request))).isEmpty();
	}

	// ---- POST /api/services/{serviceId}/revocation

	@Test
	void reviewerRevokesGrantedAccessWithAReason() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.approved(customer, "cMetal");
		switchPort(request, ON, fixture.customer(customer)).andExpect(status().isOk());

		revoke(request, "{\"reason\":\"Spam complaints from three providers\"}", fixture.reviewer())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"))
			.andExpect(jsonPath("$.history[*].reason", hasItem("Spam complaints from three providers")))
			.andExpect(jsonPath("$.history[?(@.toStatus == 'REVOKED')].actor", hasItem(startsWith("api-staff"))));

		assertThat(ports.commandActionsFor(serviceId(request))).containsExactly(PortCommand.Action.OPEN,
				PortCommand.Action.CLOSE);
	}

	@Test
	void anAdministratorRevokesToo() throws Exception {
		ObjectNode request = fixture.approved(fixture.newCustomer(), "iColocation");

		revoke(request, "{\"reason\":\"Compromised host\"}", fixture.staff(Groups.CAMUNDA_ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"));
	}

	@Test
	void refusesRevocationByTheNocCustomersOrAnonymousCallers() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.approved(customer, "iColocation");
		String body = "{\"reason\":\"no\"}";

		revoke(request, body, fixture.noc()).andExpect(status().isForbidden());
		revoke(request, body, fixture.customer(customer)).andExpect(status().isForbidden());
		mvc.perform(ApiFixture.asJson(post("/api/services/{id}/revocation", serviceId(request)), body))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.noc()))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.history[?(@.action == 'REVOCATION_REFUSED')].actor", hasSize(2)))
			.andExpect(
					jsonPath("$.history[?(@.action == 'REVOCATION_REFUSED')].actor", hasItem("customer:" + customer)))
			.andExpect(jsonPath("$.history[?(@.action == 'REVOCATION_REFUSED')].reason",
					everyItem(containsString("needs the group port25-reviewers"))));
		// the customer sees their own attempt, not the NOC's
		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.customer(customer)))
			.andExpect(
					jsonPath("$.history[?(@.action == 'REVOCATION_REFUSED')].actor", contains("customer:" + customer)));
	}

	@Test
	void refusesRevokingAServiceWithoutGrantedAccess() throws Exception {
		ObjectNode request = fixture.submitted(fixture.newCustomer(), "cMetal");

		revoke(request, "{\"reason\":\"Spam\"}", fixture.reviewer()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("no granted port 25 access")));
		mvc.perform(get("/api/services/{id}/access", serviceId(request)).with(fixture.reviewer()))
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.history[?(@.action == 'REVOCATION_REFUSED')].reason",
					hasItem(containsString("no granted port 25 access"))));
	}

	@Test
	void refusesRevokingAnUnknownService() throws Exception {
		mvc.perform(ApiFixture
			.asJson(post("/api/services/{id}/revocation", ApiFixture.unique("SVC-NONE")), "{\"reason\":\"Spam\"}")
			.with(fixture.reviewer())).andExpect(status().isNotFound());
	}

	@Test
	void refusesARevocationWithoutReasonOrWithUnknownFields() throws Exception {
		ObjectNode request = fixture.approved(fixture.newCustomer(), "iColocation");

		revoke(request, "{\"reason\":\"  \"}", fixture.reviewer()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		revoke(request, "{\"reason\":\"Spam\",\"severity\":\"high\"}", fixture.reviewer())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("severity"));
		revoke(request, "reason=Spam", fixture.reviewer()).andExpect(status().isBadRequest());
	}

	private ResultActions switchPort(ObjectNode request, String body, RequestPostProcessor caller) throws Exception {
		return mvc.perform(ApiFixture.asJson(put("/api/services/{id}/access", serviceId(request)), body).with(caller));
	}

	private ResultActions revoke(ObjectNode request, String body, RequestPostProcessor caller) throws Exception {
		return mvc
			.perform(ApiFixture.asJson(post("/api/services/{id}/revocation", serviceId(request)), body).with(caller));
	}

	private static String serviceId(ObjectNode request) {
		return request.get("serviceId").asText();
	}

}
