package net.port25.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.port25.workflow.Port25AccessProcess.AbuseDecision;
import net.port25.workflow.Port25AccessProcess.ReviewDecision;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.enablement.EnablementPolicy;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * {@code bpmn/port25-access.bpmn} as Camunda Modeler will see it: schema-valid, every
 * element drawn, nothing orphaned, ids as {@code bpmn/README.md} says, and the contract's
 * task keys and groups.
 */
class Port25AccessModelTest {

	private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/port25-access.bpmn"));

	@Test
	void isValidAgainstTheBpmnSchema() {
		Bpmn.validateModel(model);
	}

	@Test
	void drawsEveryFlowNodeAndEverySequenceFlow() {
		Set<String> shapes = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map(shape -> shape.getBpmnElement().getId())
			.collect(Collectors.toSet());
		Set<String> edges = model.getModelElementsByType(BpmnEdge.class)
			.stream()
			.map(edge -> edge.getBpmnElement().getId())
			.collect(Collectors.toSet());

		assertThat(shapes).containsAll(ids(model.getModelElementsByType(FlowNode.class)));
		assertThat(edges).containsAll(ids(model.getModelElementsByType(SequenceFlow.class)));
	}

	@Test
	void leavesNoElementOrphaned() {
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			boolean entered = !node.getIncoming().isEmpty() || node instanceof StartEvent
					|| node instanceof BoundaryEvent || node instanceof SubProcess sub && sub.triggeredByEvent();
			boolean left = !node.getOutgoing().isEmpty() || node instanceof EndEvent
					|| node instanceof SubProcess sub && sub.triggeredByEvent();
			assertThat(entered).as("%s has an incoming flow", node.getId()).isTrue();
			assertThat(left).as("%s has an outgoing flow", node.getId()).isTrue();
		}
	}

	@Test
	void namesEveryElementMeaningfully() {
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
			assertThat(node.getId()).as("id of %s", node.getName()).doesNotContainPattern("_[0-9a-z]{7}$");
		}
	}

	@Test
	void keepsTheContractsTaskKeysAndCandidateGroups() {
		assertThat(userTask(Port25AccessProcess.TASK_REVIEW_REQUEST).getCamundaCandidateGroups())
			.isEqualTo(Port25AccessProcess.GROUP_REVIEWERS);
		assertThat(userTask(Port25AccessProcess.TASK_OPEN_PORT_25).getCamundaCandidateGroups())
			.isEqualTo(Port25AccessProcess.GROUP_NOC);
		assertThat(userTask(Port25AccessProcess.TASK_REVIEW_ABUSE).getCamundaCandidateGroups())
			.isEqualTo(Port25AccessProcess.GROUP_REVIEWERS);
	}

	@Test
	void bindsEveryDelegateByBeanNameAfterItsElement() {
		model.getModelElementsByType(FlowNode.class)
			.stream()
			.filter(node -> node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn",
					"delegateExpression") != null)
			.forEach(node -> {
				String bean = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
				String element = node.getId().replaceFirst("^Task_", "");
				String expected = "${" + Character.toLowerCase(element.charAt(0)) + element.substring(1) + "Delegate}";
				assertThat(bean).as("delegate of %s", node.getId()).isEqualTo(expected);
			});
	}

	@Test
	void decidesOnTheValuesTheProcessConstantsName() {
		assertThat(conditionValues("Gateway_ReviewDecision", Variables.DECISION)).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(ReviewDecision.values()).map(ReviewDecision::value).toList());
		assertThat(conditionValues("Gateway_AbuseDecision", Variables.ABUSE_DECISION))
			.containsExactlyInAnyOrderElementsOf(
					Arrays.stream(AbuseDecision.values()).map(AbuseDecision::value).toList());
		assertThat(conditionValues("Gateway_WhoOpensThePort", Variables.ENABLEMENT))
			.containsExactlyInAnyOrderElementsOf(
					Arrays.stream(EnablementPolicy.Mode.values()).map(EnablementPolicy.Mode::name).toList());
	}

	/**
	 * The values the conditions of a gateway's outgoing flows compare the variable with.
	 */
	private List<String> conditionValues(String gateway, String variable) {
		Pattern comparison = Pattern.compile("\\$\\{" + variable + " == '([^']+)'}");
		return this.<FlowNode>element(gateway).getOutgoing().stream().map((flow) -> {
			Matcher matcher = comparison.matcher(flow.getConditionExpression().getTextContent());
			assertThat(matcher.matches()).as("condition of %s", flow.getId()).isTrue();
			return matcher.group(1);
		}).toList();
	}

	private <T extends BaseElement> T element(String id) {
		return model.getModelElementById(id);
	}

	private UserTask userTask(String id) {
		return model.getModelElementById(id);
	}

	private static Set<String> ids(Collection<? extends BaseElement> elements) {
		return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
	}

}
