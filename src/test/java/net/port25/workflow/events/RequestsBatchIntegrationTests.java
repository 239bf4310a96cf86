package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.ContractExamples;
import net.port25.workflow.EventTypes;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.intake.RequestIntake;
import net.port25.workflow.intake.RequestSubmitted;
import net.port25.workflow.intake.RequestWithdrawn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The events of a poll of the requests topic are applied in one transaction, at most
 * {@code port25.inbound.requests-per-transaction} of them: a backlog of submissions
 * shares commits, and those of different requests one flush of the engine's writes; a
 * failing one rolls back only its poll, and each request is still started once.
 */
@IntegrationTest
class RequestsBatchIntegrationTests {

	private static final int SUBMISSIONS = 45;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	InboundProperties inboundProperties;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	InboundEvents inbound;

	@Autowired
	RequestIntake intake;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void aBacklogOfSubmissionsIsAppliedInTransactionsOfAtMostTheConfiguredSize() throws Exception {
		String key = "backlog-" + UUID.randomUUID();
		List<String> requestRefs = new ArrayList<>();
		MessageListenerContainer listener = listeners.getListenerContainer("requests");
		listener.pause();
		try {
			await().atMost(ContractTraffic.patience()).until(listener::isContainerPaused);
			for (int i = 0; i < SUBMISSIONS; i++) {
				String requestRef = "REQ-" + i + "-" + key;
				requestRefs.add(requestRef);
				// one key, so one partition: the resumed listener finds them all waiting
				kafka.send(topics.requests(), key, submitted(requestRef, "SVC-" + i + "-" + key));
			}
			kafka.flush();
		}
		finally {
			listener.resume();
		}

		await().atMost(ContractTraffic.patience()).until(() -> started(requestRefs) == SUBMISSIONS);
		// rows written in one transaction carry its id (xmin)
		List<Long> requestsPerTransaction = jdbc
			.sql("select count(*) from access_request where request_ref in (:refs) group by xmin::text")
			.param("refs", requestRefs)
			.query(Long.class)
			.list();
		int perTransaction = inboundProperties.requestsPerTransaction();
		assertThat(requestsPerTransaction.stream().mapToLong(Long::longValue).sum()).isEqualTo(SUBMISSIONS);
		assertThat(requestsPerTransaction).hasSizeLessThan(SUBMISSIONS)
			.hasSizeGreaterThanOrEqualTo((SUBMISSIONS + perTransaction - 1) / perTransaction)
			.allSatisfy((count) -> assertThat(count).isLessThanOrEqualTo(perTransaction));
	}

	@Test
	void aSubmissionThatFailsRollsItsPollBackAndThoseBeforeItAreStartedOnceOneByOne() throws Exception {
		String key = "failing-" + UUID.randomUUID();
		List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
		List<String> requestRefs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String requestRef = "REQ-" + i + "-" + key;
			requestRefs.add(requestRef);
			poll.add(new ConsumerRecord<>(topics.requests(), 0, i, key, submitted(requestRef, "SVC-" + i + "-" + key)));
		}
		String failing = json.readTree(poll.get(2).value()).get("id").asText();
		Map<String, EventHandler<?>> handlers = EventHandler
			.byType(EventHandler.of(EventTypes.REQUEST_SUBMITTED, RequestSubmitted.class, (request, eventId) -> {
				intake.submit(request, eventId);
				if (eventId.equals(failing)) {
					throw new IllegalStateException("a defect after starting " + request.requestRef());
				}
			}));

		assertThatThrownBy(() -> inbound.acceptAllTogether(poll, handlers)).isInstanceOfSatisfying(
				BatchListenerFailedException.class, (ex) -> assertThat(ex.getRecord()).isSameAs(poll.get(2)));

		// the first pass started three and was rolled back: the first two are started
		// again,
		// once each; the failing one and the one after it are the error handler's
		for (int i = 0; i < requestRefs.size(); i++) {
			assertThat(started(List.of(requestRefs.get(i)))).as(requestRefs.get(i)).isEqualTo(i < 2 ? 1 : 0);
		}
		assertThat(jdbc.sql("select count(*) from access_request where request_ref in (:refs)")
			.param("refs", requestRefs)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theEventsOfDifferentRequestsInAPollShareOneFlushOfTheEnginesWrites() throws Exception {
		String key = UUID.randomUUID().toString();
		String first = "REQ-A-" + key;
		String second = "REQ-B-" + key;
		String third = "REQ-C-" + key;
		List<ConsumerRecord<String, byte[]>> poll = List.of(submission(first, first), submission(second, second),
				withdrawal(first, first), submission(third, third));
		List<CommandContext> flushes = new ArrayList<>();

		inbound.acceptAllTogether(poll, requestHandlers(flushes));

		// the withdrawal of the first request starts a second group: the engine has
		// written the first request's instance when the withdrawal looks for it
		assertThat(flushes).hasSize(4).doesNotContainNull();
		assertThat(flushes.get(1)).isSameAs(flushes.get(0));
		assertThat(flushes.get(2)).isNotSameAs(flushes.get(0));
		assertThat(flushes.get(3)).isSameAs(flushes.get(2));
		assertThat(status(first)).isEqualTo("WITHDRAWN");
		assertThat(status(second)).isEqualTo("IN_REVIEW");
		assertThat(status(third)).isEqualTo("IN_REVIEW");
		assertThat(started(List.of(first, second, third))).isEqualTo(2);
	}

	@Test
	void anEventAboutARequestOfItsGroupUnderAnotherKeyHasThePollAppliedEventByEvent() throws Exception {
		String requestRef = "REQ-" + UUID.randomUUID();
		List<ConsumerRecord<String, byte[]>> poll = List.of(submission("one-key", requestRef),
				withdrawal("another-key", requestRef));
		List<CommandContext> flushes = new ArrayList<>();

		inbound.acceptAllTogether(poll, requestHandlers(flushes));

		// the first pass shared a flush until the withdrawal named the same request;
		// event
		// by event, each engine call flushes on its own
		assertThat(flushes).hasSize(3);
		assertThat(flushes.get(0)).isNotNull();
		assertThat(flushes.subList(1, 3)).containsOnlyNulls();
		assertThat(status(requestRef)).isEqualTo("WITHDRAWN");
		assertThat(jdbc.sql("select count(*) from audit_entry where request_ref = ? and to_status = 'WITHDRAWN'")
			.param(requestRef)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * The requests listener's handlers, each noting the engine command it runs in (null:
	 * none, each engine call flushes on its own).
	 */
	private Map<String, EventHandler<?>> requestHandlers(List<CommandContext> flushes) {
		return EventHandler
			.byType(EventHandler.of(EventTypes.REQUEST_SUBMITTED, RequestSubmitted.class, (request, eventId) -> {
				flushes.add(Context.getCommandContext());
				intake.submit(request, eventId);
			}).about(RequestSubmitted::requestRef),
					EventHandler.of(EventTypes.REQUEST_WITHDRAWN, RequestWithdrawn.class, (withdrawal, eventId) -> {
						flushes.add(Context.getCommandContext());
						intake.withdraw(withdrawal, eventId);
					}).about(RequestWithdrawn::requestRef));
	}

	private ConsumerRecord<String, byte[]> submission(String key, String requestRef) {
		return new ConsumerRecord<>(topics.requests(), 0, 0, key, submitted(requestRef, "SVC-" + requestRef));
	}

	private ConsumerRecord<String, byte[]> withdrawal(String key, String requestRef) throws Exception {
		ObjectNode event = ContractTraffic.event(json, EventTypes.REQUEST_WITHDRAWN, "/ticketing",
				json.createObjectNode().put("requestRef", requestRef));
		return new ConsumerRecord<>(topics.requests(), 0, 0, key, json.writeValueAsBytes(event));
	}

	private String status(String requestRef) {
		return jdbc.sql("select status from access_request where request_ref = ?")
			.param(requestRef)
			.query(String.class)
			.single();
	}

	private long started(Collection<String> requestRefs) {
		return requestRefs.stream()
			.mapToLong((requestRef) -> runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(requestRef)
				.count())
			.sum();
	}

	private byte[] submitted(String requestRef, String serviceId) {
		return ContractExamples.submission(json, requestRef, serviceId,
				"192.0.2." + (1 + Math.floorMod(serviceId.hashCode(), 250)));
	}

}
