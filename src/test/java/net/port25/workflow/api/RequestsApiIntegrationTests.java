package net.port25.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.inventory.ServiceChanged;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.inventory.ServiceStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** {@code /api/requests}: submit, read and list requests, as customers and as staff. */
@IntegrationTest
class RequestsApiIntegrationTests {

	@Autowired
	ServiceInventory inventory;

	@Autowired
	WebApplicationContext context;

	@Autowired
	TaskService taskService;

	ApiFixture fixture;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		fixture = new ApiFixture(context);
		mvc = fixture.mvc();
	}

	// ---- the audit trail of GET /api/requests/{requestRef}

	@Test
	void completingOpenPort25RecordsInTheAuditTrailWhoOpenedThePortForWhichAddresses() throws Exception {
		ObjectNode request = fixture.approved(fixture.newCustomer(), "iColocation");
		String ref = request.get("requestRef").asText();
		String ip = request.at("/ipAddresses/0").asText();
		Task openPort = taskService.createTaskQuery()
			.processInstanceBusinessKey(ref)
			.taskDefinitionKey(Port25AccessProcess.TASK_OPEN_PORT_25)
			.singleResult();
		taskService.setAssignee(openPort.getId(), "noc-anna");

		taskService.complete(openPort.getId(), Map.of(Variables.OPENED, true));

		mvc.perform(get("/api/requests/{ref}", ref).with(fixture.reviewer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ENABLED"))
			.andExpect(jsonPath("$.auditTrail[?(@.action == 'PORT_OPENED')]", hasSize(1)))
			.andExpect(jsonPath("$.auditTrail[?(@.action == 'PORT_OPENED')].actor", contains("noc-anna")))
			.andExpect(
					jsonPath("$.auditTrail[?(@.action == 'PORT_OPENED')].reason", contains("port 25 opened for " + ip)))
			.andExpect(jsonPath("$.auditTrail[?(@.action == 'PORT_OPENED')].serviceId",
					contains(request.get("serviceId").asText())));
	}

	// ---- POST /api/requests

	@Test
	void customerSubmitsARequestAndGetsItsLocationAndRecord() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.request(customer, "iColocation");
		String ref = request.get("requestRef").asText();

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(customer)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/requests/" + ref))
			.andExpect(jsonPath("$.requestRef").value(ref))
			.andExpect(jsonPath("$.customerId").value(customer))
			.andExpect(jsonPath("$.serviceType").value("iColocation"))
			.andExpect(jsonPath("$.channel").value("ticket"))
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.facts.hostname").value("mx1.northwind-mail.net"))
			.andExpect(jsonPath("$.auditTrail[0].toStatus").value("SUBMITTED"));
	}

	@Test
	void reviewerSubmitsARequestForACustomer() throws Exception {
		ObjectNode request = fixture.request(fixture.newCustomer(), "cVirtual");

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.reviewer()))
			.andExpect(status().isCreated());
	}

	@Test
	void refusesASubmissionWithoutCredentials() throws Exception {
		mvc.perform(fixture.asJson(post("/api/requests"), fixture.request(fixture.newCustomer(), "cMetal")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void refusesASubmissionForAnotherCustomer() throws Exception {
		ObjectNode request = fixture.request(fixture.newCustomer(), "cMetal");

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(fixture.newCustomer())))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void refusesASubmissionByTheNoc() throws Exception {
		mvc.perform(fixture.asJson(post("/api/requests"), fixture.request(fixture.newCustomer(), "cMetal"))
			.with(fixture.noc())).andExpect(status().isForbidden());
	}

	@Test
	void answersASecondRequestForTheSameServiceAsDuplicate() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode first = fixture.submitted(customer, "cMetal");
		ObjectNode second = fixture.request(customer, "cMetal").put("serviceId", first.get("serviceId").asText());

		mvc.perform(fixture.asJson(post("/api/requests"), second).with(fixture.customer(customer)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", startsWith("duplicate")));
		mvc.perform(get("/api/requests/{ref}", second.get("requestRef").asText()).with(fixture.reviewer()))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesARequestForAServiceTheInventoryListsUnderAnotherCustomerWithoutNamingThem() throws Exception {
		String owner = fixture.newCustomer();
		String stranger = fixture.newCustomer();
		ObjectNode request = fixture.request(stranger, "cMetal");
		String serviceId = request.get("serviceId").asText();
		inventory.apply(
				new ServiceChanged(serviceId, ServiceType.C_METAL, owner,
						List.of(request.get("ipAddresses").get(0).asText()), ServiceStatus.ACTIVE, Instant.now()),
				"evt-" + serviceId);

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(stranger)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("we could not find service " + serviceId + " in your account"))
			.andExpect(content().string(not(containsString(owner))));
		mvc.perform(get("/api/requests/{ref}", request.get("requestRef").asText()).with(fixture.reviewer()))
			.andExpect(status().isNotFound());
	}

	@Test
	void answersSimultaneousRequestsForOneServiceWithOneCreatedAndTheRestConflicts() throws Exception {
		String customer = fixture.newCustomer();
		String serviceId = fixture.request(customer, "cVirtual").get("serviceId").asText();
		int submissions = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(submissions);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < submissions; i++) {
				ObjectNode request = fixture.request(customer, "cVirtual").put("serviceId", serviceId);
				statuses.add(callers.submit(() -> {
					start.await();
					return mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(customer)))
						.andReturn()
						.getResponse()
						.getStatus();
				}));
			}
			start.countDown();
			List<Integer> answered = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				answered.add(status.get(60, TimeUnit.SECONDS));
			}
			assertThat(answered).containsOnly(201, 409).filteredOn((status) -> status == 201).hasSize(1);
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void answersARequestReferenceThatIsAlreadyRegisteredWithAConflict() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode first = fixture.submitted(customer, "cMetal");
		ObjectNode again = fixture.request(customer, "cMetal").put("requestRef", first.get("requestRef").asText());

		mvc.perform(fixture.asJson(post("/api/requests"), again).with(fixture.customer(customer)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already registered")));
	}

	@Test
	void refusesMalformedJson() throws Exception {
		mvc.perform(ApiFixture.asJson(post("/api/requests"), "{\"requestRef\": ").with(fixture.reviewer()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", startsWith("malformed JSON")));
	}

	@Test
	void refusesAnUnknownFieldNamingIt() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.request(customer, "cMetal").put("priority", "urgent");

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(customer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("priority")))
			.andExpect(jsonPath("$.field").value("priority"));
	}

	@Test
	void refusesAnUnknownServiceTypeNamingTheField() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.request(customer, "cCloud");

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(customer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("serviceType"))
			.andExpect(jsonPath("$.detail", containsString("cCloud")));
	}

	@Test
	void refusesAnUnknownRecipientTypeNamingTheField() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.request(customer, "cMetal").put("recipientType", "everyone");

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(customer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("recipientType"))
			.andExpect(jsonPath("$.detail", containsString("own-customers")))
			.andExpect(jsonPath("$.detail", not(containsString("net.port25"))));
	}

	@Test
	void refusesAnInvalidIpAddressListingTheField() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.request(customer, "cMetal");
		request.withArray("ipAddresses").add("300.1.2.3");

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(customer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("ipAddresses[1]"));
	}

	@Test
	void refusesARequestWithoutItsRequiredFieldsListingThem() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.request(customer, "cMetal");
		request.remove("requestRef");
		request.putNull("channel");

		mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(customer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("requestRef")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("channel")));
	}

	// ---- GET /api/requests/{requestRef}

	@Test
	void customerReadsTheirRequestWithFactsFindingsAndAuditTrail() throws Exception {
		String customer = fixture.newCustomer();
		String ref = fixture.submitted(customer, "cMetal").get("requestRef").asText();

		mvc.perform(get("/api/requests/{ref}", ref).with(fixture.customer(customer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requestRef").value(ref))
			.andExpect(jsonPath("$.serviceType").value("cMetal"))
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.facts.useCase").exists())
			.andExpect(jsonPath("$.missingFacts").isArray())
			.andExpect(jsonPath("$.findings").isArray())
			.andExpect(jsonPath("$.auditTrail[*].toStatus", hasItem("IN_REVIEW")));
	}

	@Test
	void reviewersAndTheNocReadEveryRequest() throws Exception {
		String ref = fixture.submitted(fixture.newCustomer(), "cMetal").get("requestRef").asText();

		mvc.perform(get("/api/requests/{ref}", ref).with(fixture.reviewer())).andExpect(status().isOk());
		mvc.perform(get("/api/requests/{ref}", ref).with(fixture.noc())).andExpect(status().isOk());
		mvc.perform(get("/api/requests/{ref}", ref).with(fixture.staff(Groups.CAMUNDA_ADMIN)))
			.andExpect(status().isOk());
	}

	@Test
	void anotherCustomersRequestIsNotFound() throws Exception {
		String ref = fixture.submitted(fixture.newCustomer(), "cMetal").get("requestRef").asText();

		mvc.perform(get("/api/requests/{ref}", ref).with(fixture.customer(fixture.newCustomer())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anUnknownRequestIsNotFound() throws Exception {
		mvc.perform(get("/api/requests/{ref}", ApiFixture.unique("REQ-NONE")).with(fixture.reviewer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void refusesReadingARequestWithoutCredentials() throws Exception {
		mvc.perform(get("/api/requests/{ref}", "T-100234")).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesStaffOutsideThePort25Groups() throws Exception {
		String ref = fixture.submitted(fixture.newCustomer(), "cMetal").get("requestRef").asText();

		mvc.perform(get("/api/requests/{ref}", ref).with(fixture.staff())).andExpect(status().isForbidden());
		mvc.perform(get("/api/requests").with(fixture.staff())).andExpect(status().isForbidden());
	}

	// ---- GET /api/requests

	@Test
	void customerListsOnlyTheirOwnRequests() throws Exception {
		String customer = fixture.newCustomer();
		fixture.submitted(customer, "cMetal");
		fixture.submitted(customer, "cVirtual");
		fixture.submitted(fixture.newCustomer(), "cMetal");

		mvc.perform(get("/api/requests").with(fixture.customer(customer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.content[*].customerId", everyItem(is(customer))));
	}

	@Test
	void staffFilterRequestsByCustomerServiceAndStatusPageByPage() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode first = fixture.submitted(customer, "cMetal");
		fixture.submitted(customer, "iColocation");

		mvc.perform(get("/api/requests").param("customerId", customer)
			.param("status", "IN_REVIEW")
			.param("size", "1")
			.param("page", "1")
			.with(fixture.noc()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.content[0].requestRef").value(first.get("requestRef").asText()));
		mvc.perform(get("/api/requests").param("serviceId", first.get("serviceId").asText()).with(fixture.reviewer()))
			.andExpect(jsonPath("$.totalElements").value(1));
		mvc.perform(get("/api/requests").param("customerId", customer).param("status", "REVOKED").with(fixture.noc()))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void refusesACustomerListingAnotherCustomersRequests() throws Exception {
		mvc.perform(get("/api/requests").param("customerId", "C-4410").with(fixture.customer(fixture.newCustomer())))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesAnUnknownStatusOrAPageTooLarge() throws Exception {
		mvc.perform(get("/api/requests").param("status", "SLEEPING").with(fixture.reviewer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"))
			.andExpect(jsonPath("$.detail", containsString("SLEEPING")));
		mvc.perform(get("/api/requests").param("size", "101").with(fixture.reviewer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/requests").param("page", "-1").with(fixture.reviewer()))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/requests").param("size", "many").with(fixture.reviewer()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void refusesListingWithoutCredentials() throws Exception {
		mvc.perform(get("/api/requests")).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesAnInvalidBearerToken() throws Exception {
		mvc.perform(get("/api/requests").header("Authorization", "Bearer not-a-token"))
			.andExpect(status().isUnauthorized());
	}

}
