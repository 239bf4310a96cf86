package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Requests;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The log lines of one inbound event's handling, captured as written: each names the
 * Kafka record, the event and the request in the MDC, the engine's lines the process
 * instance as well; in the production profile's format (ECS JSON) the MDC becomes fields
 * of each line.
 */
@IntegrationTest
class EventLoggingIntegrationTests {

	private static final String APPLICATION_LOGGER = "net.port25.workflow";

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Requests requests;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ObjectMapper json;

	private final ListAppender<ILoggingEvent> captured = new ListAppender<>() {

		// the MDC is read when the line is written, on the thread that writes it, as an
		// encoder would
		@Override
		protected void append(ILoggingEvent line) {
			line.prepareForDeferredProcessing();
			super.append(line);
		}

	};

	private final Logger applicationLogger = (Logger) LoggerFactory.getLogger(APPLICATION_LOGGER);

	private final String requestRef = "REQ-log-" + UUID.randomUUID();

	private final String eventId = UUID.randomUUID().toString();

	// the application's INFO lines go to this appender only while a test runs
	@BeforeEach
	void captureTheApplicationsLines() {
		captured.start();
		applicationLogger.addAppender(captured);
		applicationLogger.setLevel(Level.INFO);
		applicationLogger.setAdditive(false);
	}

	@AfterEach
	void restoreTheLogging() {
		applicationLogger.detachAppender(captured);
		applicationLogger.setLevel(null);
		applicationLogger.setAdditive(true);
	}

	@Test
	void namesTheRecordTheEventAndTheRequestOnEveryLineOfItsHandling() throws Exception {
		RecordMetadata sent = submit();

		List<ILoggingEvent> handling = linesOfTheRecord(sent);

		assertThat(handling).isNotEmpty()
			.allSatisfy(
					line -> assertThat(line.getMDCPropertyMap()).containsEntry(EventLogContext.TOPIC, topics.requests())
						.containsEntry(EventLogContext.EVENT_ID, eventId)
						.containsEntry(EventLogContext.EVENT_TYPE, "port25.request.submitted")
						.containsEntry(EventLogContext.REQUEST_REF, requestRef));
		String processInstanceId = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(requestRef)
			.singleResult()
			.getId();
		assertThat(handling)
			.filteredOn(line -> line.getFormattedMessage().contains("changes from SUBMITTED to IN_REVIEW"))
			.singleElement()
			.satisfies(
					line -> assertThat(line.getMDCPropertyMap()).containsEntry("processInstanceId", processInstanceId)
						.containsKey("traceId"));
	}

	@Test
	void writesEachLineAsOneJsonObjectWithTheMdcAsFieldsInTheProductionFormat() throws Exception {
		RecordMetadata sent = submit();
		ILoggingEvent statusChange = linesOfTheRecord(sent).stream()
			.filter(line -> line.getMDCPropertyMap().containsKey("processInstanceId"))
			.findFirst()
			.orElseThrow();

		JsonNode line = json.readTree(ecs(statusChange));

		assertThat(line.get("message").asText()).isEqualTo(statusChange.getFormattedMessage());
		assertThat(line.at("/log/level").asText()).isEqualTo("INFO");
		assertThat(line.get("requestRef").asText()).isEqualTo(requestRef);
		assertThat(line.get("eventId").asText()).isEqualTo(eventId);
		assertThat(line.get("processInstanceId").asText())
			.isEqualTo(statusChange.getMDCPropertyMap().get("processInstanceId"));
		assertThat(line.get("traceId").asText()).matches("[0-9a-f]{32}");
	}

	private RecordMetadata submit() throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read("submitted-icolocation.json"));
		event.put("id", eventId);
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("requestRef", requestRef);
		data.put("serviceId", "SVC-" + requestRef);
		data.putArray("ipAddresses").add("198.20." + (1 + Math.floorMod(requestRef.hashCode(), 250)) + ".9");
		RecordMetadata sent = kafka.send(topics.requests(), requestRef, json.writeValueAsBytes(event))
			.get()
			.getRecordMetadata();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> requests.find(requestRef).map(r -> r.status() == AccessStatus.IN_REVIEW).orElse(false));
		return sent;
	}

	/**
	 * The lines written while the record was handled: its topic, partition and offset.
	 */
	private List<ILoggingEvent> linesOfTheRecord(RecordMetadata sent) {
		Map<String, String> record = Map.of(EventLogContext.TOPIC, sent.topic(), EventLogContext.PARTITION,
				Integer.toString(sent.partition()), EventLogContext.OFFSET, Long.toString(sent.offset()));
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> List.copyOf(captured.list)
				.stream()
				.filter(line -> line.getMDCPropertyMap().entrySet().containsAll(record.entrySet()))
				.toList(),
					lines -> lines.stream()
						.anyMatch(line -> line.getMDCPropertyMap().containsKey("processInstanceId")));
	}

	/**
	 * The line as the production profile writes it
	 * ({@code logging.structured.format.console: ecs}).
	 */
	private static String ecs(ILoggingEvent line) {
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		encoder.setFormat("ecs");
		encoder.start();
		try {
			return new String(encoder.encode(line), StandardCharsets.UTF_8);
		}
		finally {
			encoder.stop();
		}
	}

}
