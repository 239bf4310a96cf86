package net.port25.workflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One cMetal request through the whole engine over Kafka (submitted twice, an unreadable
 * record beside it, info provided, approved, switched on, revoked on critical abuse),
 * then {@code /actuator/prometheus} scraped on the management port as Prometheus would.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIntegrationTests {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	Requests requests;

	@Autowired
	TaskService taskService;

	@Autowired
	ObjectMapper json;

	@Value("${port25.topics.requests}")
	String requestsTopic;

	@Value("${port25.topics.dashboard-toggles}")
	String togglesTopic;

	@Value("${port25.topics.abuse-events}")
	String abuseTopic;

	@LocalManagementPort
	int managementPort;

	/**
	 * The series names in the chart's PromQL: the application's and the libraries' it
	 * shows.
	 */
	private static final Pattern QUERIED_SERIES = Pattern
		.compile("\\b(port25|spring_kafka|hikaricp|jvm)_[a-z_]+(?=\\{)");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String requestRef = "M-" + System.nanoTime();

	private final String serviceId = "DEV-" + requestRef;

	private final String ipAddress = "198.18." + (System.nanoTime() % 250) + "." + (1 + System.nanoTime() % 250);

	private Metrics scraped;

	@BeforeAll
	void driveOneRequestThroughAndScrape() throws Exception {
		byte[] submitted = event("submitted-cmetal-incomplete.json");
		publish(requestsTopic, requestRef, submitted);
		publish(requestsTopic, requestRef, submitted);
		publish(requestsTopic, requestRef, ContractExamples.read("bad/not-json.txt"));
		awaitStatus(AccessStatus.INFO_REQUESTED);
		publish(requestsTopic, requestRef, event("info-provided-cmetal.json"));
		taskService.complete(awaitReview().getId(), Map.of(Port25AccessProcess.Variables.DECISION, "approve"));
		publish(togglesTopic, serviceId, event("toggle-enable-cmetal.json"));
		awaitStatus(AccessStatus.ENABLED);
		publish(abuseTopic, ipAddress, event("abuse-critical.json"));
		awaitStatus(AccessStatus.REVOKED);

		HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
		assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
		scraped = Metrics.parse(scrape.body());
	}

	@Test
	void countsRequestsByStatusAndWhatWaitsForCustomersAndReviewers() {
		for (AccessStatus status : AccessStatus.values()) {
			assertThat(scraped.value("port25_requests", Map.of("status", status.name()))).as(status.name()).isNotNull();
		}
		assertThat(scraped.value("port25_requests", Map.of("status", "REVOKED"))).isGreaterThanOrEqualTo(1);
		assertThat(scraped.value("port25_info_requests_open", Map.of())).isNotNull();
		assertThat(scraped.value("port25_reviews_past_escalation", Map.of())).isNotNull();
	}

	@Test
	void timesTheDecisionAndTheEnablementFromSubmission() {
		assertThat(scraped.value("port25_request_decision_seconds_count", Map.of("decision", "approved")))
			.isGreaterThanOrEqualTo(1);
		assertThat(scraped.series("port25_request_decision_seconds_bucket")).isNotEmpty();
		assertThat(scraped.value("port25_request_enablement_seconds_count", Map.of("service_type", "cMetal")))
			.isGreaterThanOrEqualTo(1);
		assertThat(scraped.series("port25_request_enablement_seconds_bucket")).isNotEmpty();
	}

	@Test
	void countsRevocationsBySeverityAndTimesAbuseToClose() {
		assertThat(scraped.value("port25_revocations_total", Map.of("severity", "critical", "trigger", "abuse")))
			.isGreaterThanOrEqualTo(1);
		assertThat(scraped.value("port25_revocation_latency_seconds_count", Map.of("severity", "critical")))
			.isGreaterThanOrEqualTo(1);
		// detected just before it was sent: revoked well within minutes
		assertThat(scraped.value("port25_revocation_latency_seconds_bucket",
				Map.of("severity", "critical", "le", "300.0")))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void countsEventsConsumedDeadLetteredAndDeduplicatedPerTopic() {
		for (String topic : List.of(requestsTopic, togglesTopic, abuseTopic)) {
			assertThat(scraped.value("port25_events_consumed_total", Map.of("topic", topic))).as(topic)
				.isGreaterThanOrEqualTo(1);
		}
		assertThat(
				scraped.value("port25_events_dead_lettered_total", Map.of("topic", requestsTopic, "cause", "invalid")))
			.isGreaterThanOrEqualTo(1);
		assertThat(scraped.value("port25_events_deduplicated_total", Map.of("topic", requestsTopic)))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void readsTheOutboxBacklogAndTheEnginesIncidentsAndFailedJobs() {
		assertThat(scraped.value("port25_outbox_pending", Map.of())).isNotNull();
		assertThat(scraped.value("port25_outbox_oldest_age_seconds", Map.of())).isNotNull();
		assertThat(scraped.value("port25_camunda_incidents", Map.of())).isNotNull();
		assertThat(scraped.value("port25_camunda_jobs_without_retries", Map.of())).isNotNull();
	}

	@Test
	void exportsTheKafkaListenerTimersConnectionPoolAndJvm() {
		assertThat(scraped.series("spring_kafka_listener_seconds_count")).isNotEmpty();
		// each inbound record's handling, timed per topic apart from the containers'
		// timers
		assertThat(scraped.series("port25_events_handling_seconds_count")).anySatisfy(
				(series) -> assertThat(series.labels()).containsEntry("messaging_source_name", "port25.requests"));
		assertThat(scraped.series("hikaricp_connections_active")).isNotEmpty();
		assertThat(scraped.series("jvm_memory_used_bytes")).isNotEmpty();
		assertThat(scraped.series("port25_events_unmatched_total")).isNotEmpty();
	}

	@Test
	void findsEverySeriesTheChartsDashboardAndAlertsQuery() {
		Set<String> scrapedNames = scraped.all().stream().map(Metrics.Series::name).collect(Collectors.toSet());
		String rendered = new Helm(Path.of("helm", "port25-workflow")).template()
			.withName("p25")
			.withNamespace("port25")
			.set("existingSecret.name", "credentials")
			.set("database.url", "jdbc:postgresql://postgres:5432/port25")
			.set("kafka.bootstrapServers", "kafka:9092")
			.set("jwt.issuerUri", "https://login.example.net/realms/port25")
			.set("metrics.prometheusRule.enabled", "true")
			.set("metrics.grafanaDashboard.enabled", "true")
			.call();

		Set<String> queried = new TreeSet<>();
		Matcher name = QUERIED_SERIES.matcher(rendered);
		while (name.find()) {
			queried.add(name.group());
		}

		assertThat(queried).hasSizeGreaterThan(15);
		assertThat(queried).allSatisfy(series -> assertThat(scrapedNames).as("scraped series").contains(series));
	}

	private byte[] event(String example) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(ContractExamples.read(example));
		event.put("id", UUID.randomUUID().toString());
		ObjectNode data = (ObjectNode) event.get("data");
		if (data.has("requestRef")) {
			data.put("requestRef", requestRef);
		}
		if (data.has("serviceId")) {
			data.put("serviceId", serviceId);
		}
		if (data.has("ipAddresses")) {
			data.putArray("ipAddresses").add(ipAddress);
		}
		if (data.has("ipAddress")) {
			data.put("ipAddress", ipAddress);
		}
		if (data.has("detectedAt")) {
			data.put("detectedAt", Instant.now().toString());
		}
		return json.writeValueAsBytes(event);
	}

	private void publish(String topic, String key, byte[] value) throws Exception {
		kafka.send(topic, key, value).get();
	}

	private void awaitStatus(AccessStatus status) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> requests.find(requestRef).map((record) -> record.status() == status).orElse(false));
	}

	private Task awaitReview() {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> taskService.createTaskQuery().processInstanceBusinessKey(requestRef).singleResult(),
					(task) -> task != null);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
