package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.CustomerTexts;
import net.port25.workflow.infrastructure.Infrastructure;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What the end-to-end tests share: the contract's traffic over the real broker, and staff
 * completing their tasks through the engine as Tasklist does.
 */
abstract class EndToEnd {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	ObjectMapper json;

	@Autowired
	TopicsProperties topics;

	@Autowired
	Infrastructure infrastructure;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	ContractTraffic traffic;

	@org.junit.jupiter.api.BeforeEach
	void connect() {
		traffic = new ContractTraffic(kafka, json, topics, infrastructure.kafkaBootstrapServers());
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/** The request's open task of this key, once it is there. */
	Task awaitTask(ContractTraffic.Request request, String taskKey) {
		return await().atMost(ContractTraffic.patience())
			.until(() -> taskService.createTaskQuery()
				.processInstanceBusinessKey(request.ref())
				.taskDefinitionKey(taskKey)
				.singleResult(), (task) -> task != null);
	}

	void complete(ContractTraffic.Request request, String taskKey, Map<String, Object> variables) {
		taskService.complete(awaitTask(request, taskKey).getId(), variables);
	}

	/**
	 * A cMetal request, answered with the contract's example and approved by a reviewer.
	 */
	ContractTraffic.Request approvedCMetal() {
		ContractTraffic.Request request = traffic.submit("submitted-cmetal-incomplete.json", (data) -> {
		});
		traffic.reply(request.ref(), 1, "port25.info.requested");
		ObjectNode answer = (ObjectNode) traffic.example("info-provided-cmetal.json").at("/data/fields");
		traffic.answer(request, (fields) -> fields.setAll(answer), null);
		complete(request, Port25AccessProcess.TASK_REVIEW_REQUEST, Map.of(Variables.DECISION, "approve"));
		traffic.reply(request.ref(), 2, "port25.request.approved");
		return request;
	}

	/** Moves the engine's clock on and runs the request's timers that are due then. */
	void later(ContractTraffic.Request request, Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
		String instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(request.ref())
			.singleResult()
			.getId();
		for (Job job : managementService.createJobQuery()
			.processInstanceId(instance)
			.timers()
			.duedateLowerThan(ClockUtil.getCurrentTime())
			.list()) {
			managementService.executeJob(job.getId());
		}
	}

	/**
	 * A text a customer reads: no ISO durations, no enum names, no {@code null}, no
	 * unfilled placeholder.
	 */
	static void assertReadable(JsonNode reply) {
		for (String field : new String[] { "message", "reason" }) {
			String text = reply.at("/data/" + field).asText();
			if (!text.isEmpty()) {
				CustomerTexts.assertReadable(field + " of " + reply.get("type").asText(), text);
			}
			assertThat(text).as("%s of %s", field, reply.get("type").asText()).doesNotContain("{", "}");
		}
	}

}
