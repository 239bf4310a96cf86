package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import net.port25.workflow.EventTypes;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.request.Requests;
import net.port25.workflow.revocation.AbuseDetected;
import net.port25.workflow.revocation.AbuseHandling;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Abuse that revokes granted access is applied by a lane of its own, ahead of the
 * listener that applies every report in order: with that listener held (as a storm of
 * reports for addresses without access holds it), the port is closed all the same, and
 * once the listener gets there the report has had its effect once. Reports that revoke
 * nothing (low abuse, abuse for an address without access or for a pending request) wait
 * for the listener.
 */
@IntegrationTest
class RevocationLaneIntegrationTests extends EndToEnd {

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	Requests requests;

	@Autowired
	AuditTrail audit;

	@Autowired
	MeterRegistry meters;

	@Autowired
	InboundEvents inbound;

	@Autowired
	AbuseHandling abuseHandling;

	@AfterEach
	void releaseTheListener() {
		abuseListener().resume();
	}

	@Test
	void closesThePortWhileTheReportsBeforeItWaitAndAppliesTheReportOnce() {
		ContractTraffic.Request request = approvedCMetal();
		double appliedAhead = appliedAhead();
		holdTheListener();

		String critical = report(request.serviceId(), request.serviceId(), "critical");

		JsonNode close = traffic.commands(request.serviceId(), 1).get(0);
		assertThat(close.get("type").asText()).isEqualTo("port25.port.close");
		assertThat(requests.get(request.ref()).status()).isEqualTo(AccessStatus.REVOKED);
		assertThat(appliedAhead()).isEqualTo(appliedAhead + 1);

		abuseListener().resume();
		String low = report(request.serviceId(), request.serviceId(), "low");
		awaitReported(request.serviceId(), low);
		assertThat(reportsOf(request.serviceId())).containsExactly(critical, low);
		assertThat(traffic.all(topics.networkCommands(), request.serviceId())).hasSize(1);
		assertThat(traffic.all(topics.replies(), request.ref()))
			.filteredOn((reply) -> reply.get("type").asText().equals("port25.access.revoked"))
			.hasSize(1);
	}

	@Test
	void leavesReportsThatRevokeNothingToTheListener() {
		ContractTraffic.Request reviewed = approvedCMetal();
		ContractTraffic.Request revoked = approvedCMetal();
		ContractTraffic.Request pending = traffic.submit("submitted-cmetal-incomplete.json", (data) -> {
		});
		traffic.reply(pending.ref(), 1, "port25.info.requested");
		String unknownService = "COLO-" + UUID.randomUUID();
		double appliedAhead = appliedAhead();
		holdTheListener();

		// one key, one partition: the lane reads them in this order
		String key = reviewed.serviceId();
		String low = report(key, reviewed.serviceId(), "low");
		String withoutAccess = report(key, unknownService, "critical");
		String onPending = report(key, pending.serviceId(), "critical");
		String critical = report(key, revoked.serviceId(), "critical");

		assertThat(traffic.commands(revoked.serviceId(), 1).get(0).get("type").asText()).isEqualTo("port25.port.close");
		assertThat(reportsOf(reviewed.serviceId())).isEmpty();
		assertThat(reportsOf(unknownService)).isEmpty();
		assertThat(reportsOf(pending.serviceId())).isEmpty();
		assertThat(requests.get(pending.ref()).status()).isEqualTo(AccessStatus.INFO_REQUESTED);
		assertThat(taskService.createTaskQuery()
			.processInstanceBusinessKey(reviewed.ref())
			.taskDefinitionKey(Port25AccessProcess.TASK_REVIEW_ABUSE)
			.count()).isZero();

		abuseListener().resume();
		awaitReported(unknownService, withoutAccess);
		awaitTask(reviewed, Port25AccessProcess.TASK_REVIEW_ABUSE);
		assertThat(reportsOf(reviewed.serviceId())).containsExactly(low);
		assertThat(reportsOf(revoked.serviceId())).containsExactly(critical);
		assertThat(requests.get(reviewed.ref()).status()).isEqualTo(AccessStatus.APPROVED);
		assertThat(reportsOf(pending.serviceId())).containsExactly(onPending);
		ContractTraffic.awaitTrue(() -> requests.get(pending.ref()).status() == AccessStatus.REJECTED);
		assertThat(appliedAhead()).isEqualTo(appliedAhead + 1);
	}

	@Test
	void picksAtFirstLookButAppliesOnlyWhatTheFullReadAccepts() {
		ContractTraffic.Request spoofed = approvedCMetal();
		ContractTraffic.Request revoked = approvedCMetal();
		double appliedAhead = appliedAhead();
		holdTheListener();

		// one key, one partition: the lane reads them in one poll, in this order
		String key = spoofed.serviceId();
		ObjectNode fromTicketing = abuseReport(spoofed.serviceId(), "critical").put("source", "/ticketing");
		traffic.publish(topics.abuseEvents(), key, fromTicketing);
		ObjectNode withoutSeverity = abuseReport(spoofed.serviceId(), "critical");
		((ObjectNode) withoutSeverity.get("data")).remove("severity");
		traffic.publish(topics.abuseEvents(), key, withoutSeverity);
		String critical = report(key, revoked.serviceId(), "critical");

		assertThat(traffic.commands(revoked.serviceId(), 1).get(0).get("type").asText()).isEqualTo("port25.port.close");
		assertThat(appliedAhead()).isEqualTo(appliedAhead + 1);
		assertThat(requests.get(spoofed.ref()).status()).isEqualTo(AccessStatus.APPROVED);

		abuseListener().resume();
		// the listener dead-letters both before it gets to this one
		String low = report(key, spoofed.serviceId(), "low");
		awaitReported(spoofed.serviceId(), low);
		assertThat(reportsOf(spoofed.serviceId())).containsExactly(low);
		assertThat(reportsOf(revoked.serviceId())).containsExactly(critical);
		assertThat(requests.get(spoofed.ref()).status()).isEqualTo(AccessStatus.APPROVED);
		assertThat(traffic.all(topics.networkCommands(), spoofed.serviceId())).isEmpty();
	}

	@Test
	void countsNothingAheadForAReportTheListenerHadAppliedFirst() throws Exception {
		ContractTraffic.Request request = approvedCMetal();
		ObjectNode event = abuseReport(request.serviceId(), "critical");
		// not sent: neither listener sees it but through these calls
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topics.abuseEvents(), 0, 0, request.serviceId(),
				json.writeValueAsBytes(event));
		EventHandler<AbuseDetected> handler = EventHandler.of(EventTypes.ABUSE_DETECTED, AbuseDetected.class,
				abuseHandling::handle);
		inbound.acceptAll(List.of(record), EventHandler.byType(handler));
		assertThat(requests.get(request.ref()).status()).isEqualTo(AccessStatus.REVOKED);
		double appliedAhead = appliedAhead();

		int applied = inbound.applyAhead(List.of(record), handler, UnaryOperator.identity());

		assertThat(applied).isZero();
		assertThat(appliedAhead()).isEqualTo(appliedAhead);
		assertThat(reportsOf(request.serviceId())).containsExactly(event.get("id").asText());
	}

	private double appliedAhead() {
		return meters.counter("port25.events.applied.ahead", "topic", topics.abuseEvents()).count();
	}

	private MessageListenerContainer abuseListener() {
		return listeners.getListenerContainer("abuse-events");
	}

	private void holdTheListener() {
		abuseListener().pause();
		await().atMost(ContractTraffic.patience()).until(abuseListener()::isContainerPaused);
	}

	/** Publishes an abuse report under the key; returns its event id. */
	private String report(String key, String serviceId, String severity) {
		ObjectNode event = abuseReport(serviceId, severity);
		traffic.publish(topics.abuseEvents(), key, event);
		return event.get("id").asText();
	}

	private ObjectNode abuseReport(String serviceId, String severity) {
		return traffic.event("port25.abuse.detected", "/abuse-monitor",
				traffic.data()
					.put("serviceId", serviceId)
					.put("category", "spam")
					.put("severity", severity)
					.put("evidence", severity + " spam seen by the test")
					.put("detectedAt", Instant.now().toString()));
	}

	private void awaitReported(String serviceId, String eventId) {
		ContractTraffic.awaitTrue(() -> reportsOf(serviceId).contains(eventId));
	}

	/**
	 * The source event ids of the service's abuse reports in the audit trail, oldest
	 * first.
	 */
	private List<String> reportsOf(String serviceId) {
		return audit.forService(serviceId)
			.stream()
			.filter((entry) -> entry.action() == AuditAction.ABUSE_REPORTED)
			.map(AuditEntry::sourceEventId)
			.toList();
	}

}
