package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.ProcessScenarios;
import net.port25.workflow.infrastructure.Infrastructure;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The trace context of an inbound record (W3C {@code traceparent}) goes with what the
 * engine says about it: stored in the outbox with the outbound event and sent as the
 * outbound record's header, so that one trace runs from the customer's system through the
 * engine to the systems downstream.
 */
@IntegrationTest
class TraceContextIntegrationTests {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProcessScenarios scenarios;

	@Autowired
	ApplicationContext context;

	@Test
	void carriesTheInboundTraceThroughTheOutboxToTheOutboundRecords() throws Exception {
		String traceId = hex(16);
		String serviceId = "SVC-trace-" + UUID.randomUUID();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.requests(), serviceId,
				submitted("REQ-trace-" + UUID.randomUUID(), serviceId));
		record.headers().add("traceparent", ("00-" + traceId + "-" + hex(8) + "-01").getBytes(StandardCharsets.UTF_8));

		// the producer itself: the template would add a traceparent header of its own
		// span
		kafka.execute(producer -> producer.send(record)).get();

		List<ConsumerRecord<String, byte[]>> changes = accessChanges(serviceId, 2);
		assertThat(changes).allSatisfy(
				change -> assertThat(TopicReader.header(change, "traceparent")).startsWith("00-" + traceId + "-"));
		assertThat(storedTraceHeaders(serviceId)).isNotEmpty()
			.allSatisfy(headers -> assertThat(headers).contains(traceId));
	}

	@Test
	void sendsEventsWrittenOutsideATraceWithoutOne() {
		ProcessScenarios.Request request = scenarios.submit("submitted-icolocation.json");

		assertThat(accessChanges(request.serviceId(), 1))
			.allSatisfy(change -> assertThat(change.headers().lastHeader("traceparent")).isNull());
		assertThat(storedTraceHeaders(request.serviceId())).isNotEmpty().containsOnlyNulls();
	}

	@Test
	void exportsNoSpansWithoutAnOtlpEndpoint() {
		assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
	}

	private byte[] submitted(String requestRef, String serviceId) {
		return ContractExamples.submission(json, requestRef, serviceId,
				"198.19." + (1 + Math.floorMod(serviceId.hashCode(), 250)) + ".7");
	}

	private List<ConsumerRecord<String, byte[]>> accessChanges(String serviceId, int count) {
		try (TopicReader changes = new TopicReader(infrastructure.kafkaBootstrapServers(), topics.accessChanges())) {
			return changes.awaitWithKey(serviceId, count);
		}
	}

	private List<String> storedTraceHeaders(String serviceId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select trace_headers::text from outbox_event where record_key = :key")
				.param("key", serviceId)
				.query(String.class)
				.list(), rows -> !rows.isEmpty());
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
