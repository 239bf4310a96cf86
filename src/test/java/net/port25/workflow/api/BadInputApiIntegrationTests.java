package net.port25.workflow.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.access.InputLimits;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * What a careless or hostile client sends the REST API is a 400 (or 413) problem detail
 * that names the field, never a 500, never a value silently coerced into another, never
 * the client's own input echoed at length.
 */
@IntegrationTest
class BadInputApiIntegrationTests {

	@Autowired
	WebApplicationContext context;

	ApiFixture fixture;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		fixture = new ApiFixture(context);
		mvc = fixture.mvc();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			spfConfigured         | 1
			spfConfigured         | "true"
			expectedDailyVolume   | -1
			expectedDailyVolume   | 1.5
			expectedDailyVolume   | "300"
			expectedMonthlyVolume | 1e3
			serviceType           | "CMETAL"
			serviceType           | " cMetal"
			serviceType           | 1
			channel               | "TICKET"
			channel               | 0
			recipientType         | "PUBLIC"
			useCase               | 42
			useCase               | true
			ipAddresses           | "192.0.2.1"
			""")
	void refusesAValueOfTheWrongTypeOrCaseNamingTheField(String field, String json) throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode request = fixture.request(customer, "cMetal");
		request.set(field, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));

		submit(customer, request).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString(field)));
	}

	@Test
	void refusesMoreIpAddressesThanTheLimitAndAHundredThousandOfThem() throws Exception {
		String customer = fixture.newCustomer();
		ObjectNode tooMany = fixture.request(customer, "cMetal");
		ObjectNode hundredThousand = fixture.request(customer, "cMetal");
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			addresses.add("10." + (i / 65_536) + "." + (i / 256 % 256) + "." + (i % 256));
		}
		tooMany.putPOJO("ipAddresses", addresses.subList(0, InputLimits.MAX_IP_ADDRESSES + 1));
		hundredThousand.putPOJO("ipAddresses", addresses);

		submit(customer, tooMany).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ipAddresses"));
		submit(customer, hundredThousand).andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void refusesControlCharactersAndTextsLongerThanTheirLimit() throws Exception {
		String customer = fixture.newCustomer();

		submit(customer, fixture.request(customer, "cMetal").put("useCase", "mail\u0000for everyone"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("useCase must not contain control characters")));
		submit(customer, fixture.request(customer, "cMetal").put("notes", "x".repeat(InputLimits.MAX_TEXT_LENGTH + 1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("notes"));
		submit(customer, fixture.request(customer, "cMetal").put("requestRef", "T-1\nT-2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requestRef"));
	}

	@Test
	void takesLineBreaksInFreeText() throws Exception {
		String customer = fixture.newCustomer();

		submit(customer, fixture.request(customer, "cMetal").put("useCase", "Our helpdesk:\n\t- order mail"))
			.andExpect(status().isCreated());
	}

	@Test
	void refusesAPageBeyondTheLastOneAndAnOverlongFilter() throws Exception {
		mvc.perform(get("/api/requests").param("page", "21474837").with(fixture.reviewer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(get("/api/requests").param("page", String.valueOf(InputLimits.MAX_PAGE)).with(fixture.reviewer()))
			.andExpect(status().isOk());
		mvc.perform(get("/api/requests").param("serviceId", "x".repeat(1000)).with(fixture.reviewer()))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/requests/{ref}", "x".repeat(1000)).with(fixture.reviewer()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aRefusalDoesNotEchoTheCallersInputAtLength() throws Exception {
		String customer = fixture.newCustomer();
		String hugeId = "C-" + "9".repeat(InputLimits.MAX_IDENTIFIER_LENGTH - 2);

		submit(customer, fixture.request(hugeId, "cMetal")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", not(containsString(hugeId))));
		mvc.perform(get("/api/requests").param("status", "S".repeat(10_000)).with(fixture.reviewer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", not(containsString("S".repeat(100)))));
	}

	@Test
	void describesMalformedJsonWithoutTheParsersInternals() throws Exception {
		mvc.perform(ApiFixture.asJson(post("/api/requests"), "{\"requestRef\": \"T-1\", ").with(fixture.reviewer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("malformed JSON at line 1")))
			.andExpect(jsonPath("$.detail", not(containsString("Source"))))
			.andExpect(jsonPath("$.detail", not(containsString("marker"))));
	}

	private ResultActions submit(String customer, ObjectNode request) throws Exception {
		return mvc.perform(fixture.asJson(post("/api/requests"), request).with(fixture.customer(customer)));
	}

}
