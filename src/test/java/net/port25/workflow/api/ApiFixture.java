package net.port25.workflow.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.infrastructure.LocalTokens;
import net.port25.workflow.infrastructure.StaffUsers;
import net.port25.workflow.infrastructure.StaffUsers.StaffUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Callers and data for the API tests: staff users in the engine's identity service,
 * customer bearer tokens, and requests built from the contract's complete example with
 * fresh ids, so that tests sharing one database never see each other's data.
 */
final class ApiFixture {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final MockMvc mvc;

	private final ObjectMapper json;

	private final LocalTokens tokens;

	private final IdentityService identityService;

	private final TaskService taskService;

	/**
	 * Over the whole application context with its security filter chains, the one every
	 * integration test shares.
	 */
	ApiFixture(WebApplicationContext context) {
		this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		this.json = context.getBean(ObjectMapper.class);
		this.tokens = context.getBean(LocalTokens.class);
		this.identityService = context.getBean(IdentityService.class);
		this.taskService = context.getBean(TaskService.class);
	}

	MockMvc mvc() {
		return mvc;
	}

	static String unique(String prefix) {
		return prefix + "-" + sequence.incrementAndGet() + "-" + System.nanoTime();
	}

	String newCustomer() {
		return unique("C-API");
	}

	/** A customer's bearer token. */
	RequestPostProcessor customer(String customerId) {
		return request -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(customerId));
			return request;
		};
	}

	/**
	 * HTTP Basic credentials of a new staff user in these groups (none: staff outside the
	 * port 25 groups).
	 */
	RequestPostProcessor staff(String... groups) {
		StaffUser user = StaffUsers.create(identityService, "api-staff", groups);
		return httpBasic(user.id(), user.password());
	}

	RequestPostProcessor reviewer() {
		return staff(Port25AccessProcess.GROUP_REVIEWERS);
	}

	RequestPostProcessor noc() {
		return staff(Port25AccessProcess.GROUP_NOC);
	}

	/**
	 * A complete request (straight to review) of the customer, for a new service of this
	 * type.
	 */
	ObjectNode request(String customerId, String serviceType) {
		int n = sequence.incrementAndGet();
		ObjectNode data = example("submitted-icolocation.json");
		data.put("requestRef", unique("REQ-API"));
		data.put("customerId", customerId);
		data.put("serviceType", serviceType);
		data.put("serviceId", unique("SVC-API"));
		data.putArray("ipAddresses").add("10.77." + (n / 250 % 250) + "." + (n % 250 + 1));
		return data;
	}

	/** Submits the request through the API as its customer; it then waits for review. */
	ObjectNode submitted(String customerId, String serviceType) throws Exception {
		ObjectNode data = request(customerId, serviceType);
		mvc.perform(asJson(post("/api/requests"), data).with(customer(customerId))).andExpect(status().isCreated());
		return data;
	}

	/**
	 * Submitted and approved by a reviewer: cMetal waits for the customer's switch, the
	 * others for the NOC.
	 */
	ObjectNode approved(String customerId, String serviceType) throws Exception {
		ObjectNode data = submitted(customerId, serviceType);
		Task review = taskService.createTaskQuery()
			.processInstanceBusinessKey(data.get("requestRef").asText())
			.taskDefinitionKey(Port25AccessProcess.TASK_REVIEW_REQUEST)
			.singleResult();
		taskService.complete(review.getId(), Map.of(Variables.DECISION, "approve"));
		return data;
	}

	MockHttpServletRequestBuilder asJson(MockHttpServletRequestBuilder request, Object body) {
		try {
			return asJson(request, json.writeValueAsString(body));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MockHttpServletRequestBuilder asJson(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body);
	}

	private ObjectNode example(String name) {
		try {
			return (ObjectNode) json.readTree(ContractExamples.read(name)).get("data");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
