package net.port25.workflow.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import net.port25.workflow.infrastructure.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/** {@code /v3/api-docs}: the OpenAPI document of the REST API, open to anyone. */
@IntegrationTest
class ApiDocumentationIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Test
	void servesTheOpenApiDocumentWithEveryPathAndBothSecuritySchemes() throws Exception {
		ApiFixture fixture = new ApiFixture(context);

		fixture.mvc()
			.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/requests'].get").exists())
			.andExpect(jsonPath("$.paths['/api/requests'].post").exists())
			.andExpect(jsonPath("$.paths['/api/requests/{requestRef}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/services/{serviceId}/access'].get").exists())
			.andExpect(jsonPath("$.paths['/api/services/{serviceId}/access'].put").exists())
			.andExpect(jsonPath("$.paths['/api/services/{serviceId}/revocation'].post").exists())
			.andExpect(jsonPath("$.components.securitySchemes.customer-jwt.scheme").value("bearer"))
			.andExpect(jsonPath("$.components.securitySchemes.staff-basic.scheme").value("basic"))
			// the caller comes from the credentials, never from a parameter
			.andExpect(jsonPath("$.paths['/api/requests'].get.parameters[*].name", not(hasItem("staffUser"))));
	}

}
