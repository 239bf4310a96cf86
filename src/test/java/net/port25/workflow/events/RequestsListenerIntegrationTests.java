package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import net.port25.workflow.ContractExamples;
import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.infrastructure.IntegrationTest;
import net.port25.workflow.intake.RequestRecord;
import net.port25.workflow.intake.RequestRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

@IntegrationTest
class RequestsListenerIntegrationTests {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicsProperties topics;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	RequestRecords records;

	@Test
	void submittedRequestWaitsForReview() throws Exception {
		kafka.send(topics.requests(), "T-100234", ContractExamples.read("submitted-icolocation.json")).get();

		ProcessInstance instance = await().atMost(Duration.ofSeconds(30))
			.until(() -> runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(Port25AccessProcess.PROCESS_KEY)
				.processInstanceBusinessKey("T-100234")
				.singleResult(), found -> found != null);

		Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(review.getTaskDefinitionKey()).isEqualTo(Port25AccessProcess.TASK_REVIEW_REQUEST);
		assertThat(taskService.getIdentityLinksForTask(review.getId()))
			.anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Port25AccessProcess.GROUP_REVIEWERS));
		RequestRecord record = records.get("T-100234");
		assertThat(record.customerId()).isEqualTo("C-4410");
		assertThat(record.serviceType()).isEqualTo(ServiceType.I_COLOCATION);
		assertThat(record.serviceId()).isEqualTo("COLO-7781");
		assertThat(record.status()).isEqualTo(AccessStatus.IN_REVIEW);
		assertThat(runtimeService.getVariable(instance.getId(), "sourceEventId"))
			.isEqualTo("6b1f4c1e-2f0a-4a51-9d7e-0c3f6a1d2b01");
	}

}
