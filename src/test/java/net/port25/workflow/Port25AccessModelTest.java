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
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
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
		assertThat(conditionValues("Gateway_ReviewDecision", Variables.REVIEW_OUTCOME))
			.containsExactlyInAnyOrderElementsOf(
					Arrays.stream(ReviewDecision.values()).map(ReviewDecision::value).toList());
		assertThat(conditionValues("Gateway_AbuseDecision", Variables.ABUSE_REVIEW_OUTCOME))
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

	@Test
	void drawsNoShapeOrLabelOverAnother() {
		List<Box> boxes = boxes();
		for (int i = 0; i < boxes.size(); i++) {
			for (int j = i + 1; j < boxes.size(); j++) {
				Box one = boxes.get(i);
				Box other = boxes.get(j);
				if (one.mayOverlap(other)) {
					continue;
				}
				assertThat(one.overlaps(other)).as("%s overlaps %s", one, other).isFalse();
			}
		}
	}

	@Test
	void drawsEveryElementInsideItsSubprocessAndEveryBoundaryEventOnItsBorder() {
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			if (shape.getBpmnElement() instanceof BoundaryEvent boundary) {
				Bounds host = bounds(boundary.getAttachedTo().getId());
				Bounds event = shape.getBounds();
				double cx = event.getX() + event.getWidth() / 2;
				double cy = event.getY() + event.getHeight() / 2;
				boolean onBorder = (Math.abs(cy - host.getY()) < 1
						|| Math.abs(cy - (host.getY() + host.getHeight())) < 1) && cx > host.getX()
						&& cx < host.getX() + host.getWidth()
						|| (Math.abs(cx - host.getX()) < 1 || Math.abs(cx - (host.getX() + host.getWidth())) < 1)
								&& cy > host.getY() && cy < host.getY() + host.getHeight();
				assertThat(onBorder).as("%s on the border of %s", boundary.getId(), boundary.getAttachedTo().getId())
					.isTrue();
			}
			else if (shape.getBpmnElement().getParentElement() instanceof SubProcess parent) {
				Bounds outer = bounds(parent.getId());
				Bounds inner = shape.getBounds();
				assertThat(inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
						&& inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
						&& inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight())
					.as("%s inside %s", shape.getBpmnElement().getId(), parent.getId())
					.isTrue();
			}
		}
	}

	@Test
	void fitsAScreenAtAZoomWhereEverySubprocessIsReadable() {
		double right = 0;
		double bottom = 0;
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			right = Math.max(right, shape.getBounds().getX() + shape.getBounds().getWidth());
			bottom = Math.max(bottom, shape.getBounds().getY() + shape.getBounds().getHeight());
		}
		// Cockpit fits the diagram to a pane of about 1600 by 800 pixels on a 1920 x 1080
		// screen; at 0.6 of full size or more a task's name (12 px at full size) stays
		// readable
		assertThat(Math.min(1600 / right, 800 / bottom)).isGreaterThanOrEqualTo(0.6);
	}

	/** A shape or a label as drawn. */
	private record Box(String element, boolean label, boolean container, String host, double x, double y, double width,
			double height) {

		boolean overlaps(Box other) {
			return x < other.x + other.width && other.x < x + width && y < other.y + other.height
					&& other.y < y + height;
		}

		/**
		 * A subprocess holds its elements; a boundary event sits on its host; a label
		 * belongs to its element.
		 */
		boolean mayOverlap(Box other) {
			if (element.equals(other.element)) {
				return true;
			}
			// a subprocess holds its elements and their labels; its title must stay clear
			if ((container && !label) || (other.container && !other.label)) {
				return true;
			}
			return !label && !other.label && (element.equals(other.host) || other.element.equals(host));
		}

		@Override
		public String toString() {
			return (label ? "the label of " : "") + element + " at " + x + "," + y;
		}

	}

	private List<Box> boxes() {
		List<Box> boxes = new java.util.ArrayList<>();
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			String id = shape.getBpmnElement().getId();
			String host = shape.getBpmnElement() instanceof BoundaryEvent boundary ? boundary.getAttachedTo().getId()
					: null;
			boolean container = shape.getBpmnElement() instanceof SubProcess;
			Bounds b = shape.getBounds();
			boxes.add(new Box(id, false, container, host, b.getX(), b.getY(), b.getWidth(), b.getHeight()));
			if (container) {
				// bpmn-js writes an expanded subprocess's name at the middle of its top
				// edge
				boxes.add(new Box(id, true, true, null, b.getX() + b.getWidth() / 2 - 100, b.getY(), 200, 30));
			}
			if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
				Bounds l = shape.getBpmnLabel().getBounds();
				boxes.add(new Box(id, true, false, host, l.getX(), l.getY(), l.getWidth(), l.getHeight()));
			}
		}
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
				Bounds l = edge.getBpmnLabel().getBounds();
				boxes.add(new Box(edge.getBpmnElement().getId(), true, false, null, l.getX(), l.getY(), l.getWidth(),
						l.getHeight()));
			}
		}
		return boxes;
	}

	private Bounds bounds(String elementId) {
		return model.getModelElementsByType(BpmnShape.class)
			.stream()
			.filter((shape) -> shape.getBpmnElement().getId().equals(elementId))
			.findFirst()
			.orElseThrow()
			.getBounds();
	}

	private UserTask userTask(String id) {
		return model.getModelElementById(id);
	}

	private static Set<String> ids(Collection<? extends BaseElement> elements) {
		return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
	}

}
