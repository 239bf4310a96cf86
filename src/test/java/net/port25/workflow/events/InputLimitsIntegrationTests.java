package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.EventTypes;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.infrastructure.LocalTokens;
import net.port25.workflow.intake.RequestSubmitted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every limited text of a request, too long or with a control character, on both
 * entrances: the REST API answers 400 naming the field; over Kafka the event is
 * dead-lettered with the field in its reason and the customer is told
 * ({@code port25.request.invalid}), unless the text that breaks the limit is the very one
 * that names the request or its customer.
 */
@IntegrationTest
class InputLimitsIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	LocalTokens tokens;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	ObjectMapper json;

	@Test
	void everyLimitedTextOfARequestIsRefusedOnBothEntrances() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		Map<String, Case> cases = new LinkedHashMap<>();
		for (InputLimitsAgreementTest.Field field : submittedFields()) {
			cases.put(field + " too long", new Case(field, "x".repeat(field.limit().max() + 1)));
			cases.put(field + " with NUL", new Case(field, "before\u0000after"));
		}
		for (Map.Entry<String, Case> entry : cases.entrySet()) {
			Case limitCase = entry.getValue();
			MockHttpServletResponse response = mvc
				.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(limitCase.customerId()))
					.content(json.writeValueAsBytes(limitCase.request())))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(entry.getKey()).isEqualTo(400);
			assertThat(response.getContentType()).as(entry.getKey()).startsWith("application/problem+json");
			assertThat(json.readTree(response.getContentAsString()).path("detail").asText()).as(entry.getKey())
				.contains(limitCase.field().path());
		}
		for (Case limitCase : cases.values()) {
			kafka.send(topics.requests(), limitCase.key(), limitCase.event()).get();
		}

		try (TopicReader deadLetters = new TopicReader(infrastructure.kafkaBootstrapServers(),
				TopicsProperties.deadLetterTopicOf(topics.requests()));
				TopicReader replies = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.replies())) {
			for (Map.Entry<String, Case> entry : cases.entrySet()) {
				Case limitCase = entry.getValue();
				ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitWithKey(limitCase.key(), 1).get(0);
				assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_HEADER)).as(entry.getKey())
					.contains("$." + limitCase.field().path());
				if (limitCase.answerable()) {
					JsonNode reply = json.readTree(replies.awaitWithKey(limitCase.requestRef(), 1).get(0).value());
					assertThat(reply.path("type").asText()).as(entry.getKey())
						.isEqualTo(CustomerNotice.Type.REQUEST_INVALID.eventType());
					assertThat(reply.path("data").path("customerId").asText()).isEqualTo(limitCase.customerId());
					assertThat(reply.path("data").path("reason").asText()).as(entry.getKey())
						.contains(limitCase.field().path());
				}
			}
		}
	}

	private static List<InputLimitsAgreementTest.Field> submittedFields() {
		List<InputLimitsAgreementTest.Field> fields = new ArrayList<>();
		InputLimitsAgreementTest.limitedFields()
			.filter((field) -> field.inbound().type() == RequestSubmitted.class)
			.forEach(fields::add);
		assertThat(fields).hasSizeGreaterThan(14);
		return fields;
	}

	/** One field of one request set to a value outside its limits. */
	private final class Case {

		private final InputLimitsAgreementTest.Field field;

		private final String value;

		private final String requestRef = "LIMIT-" + UUID.randomUUID();

		private final String customerId = "C-LIMIT-" + UUID.randomUUID().toString().substring(0, 8);

		private final String key = "limits-" + UUID.randomUUID();

		Case(InputLimitsAgreementTest.Field field, String value) {
			this.field = field;
			this.value = value;
		}

		InputLimitsAgreementTest.Field field() {
			return field;
		}

		String key() {
			return key;
		}

		String requestRef() {
			return requestRef;
		}

		String customerId() {
			return customerId;
		}

		/** The customer can be told unless the broken text is what names them. */
		boolean answerable() {
			return !field.path().equals("requestRef") && !field.path().equals("customerId");
		}

		ObjectNode request() throws Exception {
			ObjectNode data = (ObjectNode) json.readTree(ContractExamples.read("submitted-icolocation.json"))
				.get("data");
			data.put("requestRef", requestRef);
			data.put("customerId", customerId);
			data.put("serviceId", "SVC-" + requestRef);
			JsonNode broken = field.data(value);
			data.set(field.path(), broken.get(field.path()));
			return data;
		}

		byte[] event() throws Exception {
			return json
				.writeValueAsBytes(ContractTraffic.event(json, EventTypes.REQUEST_SUBMITTED, "/ticketing", request()));
		}

	}

}
