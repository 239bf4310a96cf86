package net.port25.workflow;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.workflow.intake.InformationProvided;
import net.port25.workflow.intake.RequestIntake;
import net.port25.workflow.intake.RequestSubmitted;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Submits the contract's example requests with fresh request references, service ids and
 * IP addresses, so that tests sharing one database never see each other's requests.
 */
public class ProcessScenarios {

	private static final AtomicInteger sequence = new AtomicInteger();

	public record Request(String ref, String serviceId, String customerId, ProcessInstance instance) {
	}

	private final RequestIntake intake;

	private final RuntimeService runtimeService;

	private final ObjectMapper json;

	public ProcessScenarios(RequestIntake intake, RuntimeService runtimeService, ObjectMapper json) {
		this.intake = intake;
		this.runtimeService = runtimeService;
		this.json = json;
	}

	public RequestIntake intake() {
		return intake;
	}

	public Request submit(String example) {
		int n = sequence.incrementAndGet();
		return submit(example, "SVC-" + n + "-" + System.nanoTime(), n);
	}

	/**
	 * Submitted, then completed with the contract's info-provided example: waits at
	 * reviewRequest.
	 */
	public Request submitComplete(String example) {
		Request request = submit(example);
		answerFromExample(request, "info-provided-cmetal.json");
		return request;
	}

	public String submitForService(String example, String serviceId) {
		return submit(example, serviceId, sequence.incrementAndGet()).ref();
	}

	/** The template-text example's facts given as structured fields. */
	public Request submitStructuredTwinOfTemplateText() {
		ObjectNode data = read("""
				{"requestRef":"T-100240","channel":"ticket","customerId":"C-5120","serviceType":"cVirtual",
				 "serviceId":"VS-22817","hostname":"relay.example-shop.com","ipAddresses":["203.0.113.40"],
				 "useCase":"Our order system runs its own MTA for order confirmations","application":"Magento 2 shop",
				 "mailServerSoftware":"Exim 4.96","sendingDomains":["example-shop.com"],
				 "websiteUrl":"https://example-shop.com","mailType":"transactional","expectedDailyVolume":300,
				 "expectedMonthlyVolume":9000,"recipientType":"own-customers",
				 "recipientSource":"customers who placed an order",
				 "abuseControls":"rate limit 60/min, fail2ban on SMTP AUTH, queue alerts","spfConfigured":true,
				 "dkimConfigured":true,"dmarcConfigured":false,"rdnsConfigured":true,
				 "submissionPortsInsufficientReason":"The shop's hosting plan has no relay; we deliver directly",
				 "notes":"DMARC will be added before go-live"}""");
		int n = sequence.incrementAndGet();
		return start(data, "SVC-" + n + "-" + System.nanoTime(), n);
	}

	public void answer(Request request, String fieldsJson) {
		ObjectNode answer = json.createObjectNode().put("requestRef", request.ref());
		answer.set("fields", read(fieldsJson));
		intake.provideInformation(convert(answer, InformationProvided.class), "evt-" + System.nanoTime());
	}

	public void answerFromExample(Request request, String example) {
		ObjectNode data = exampleData(example);
		data.put("requestRef", request.ref());
		intake.provideInformation(convert(data, InformationProvided.class), "evt-" + System.nanoTime());
	}

	private Request submit(String example, String serviceId, int n) {
		return start(exampleData(example), serviceId, n);
	}

	private Request start(ObjectNode data, String serviceId, int n) {
		String ref = "REQ-" + n + "-" + System.nanoTime();
		String ip = "10.25." + (n / 250) + "." + (n % 250 + 1);
		data.put("requestRef", ref);
		if (data.has("body")) {
			data.put("body", data.get("body").asText().replace("VS-22817", serviceId).replace("203.0.113.40", ip));
		}
		else {
			data.put("serviceId", serviceId);
			data.putArray("ipAddresses").add("10.26." + (n / 250) + "." + (n % 250 + 1)).add(ip);
		}
		intake.submit(convert(data, RequestSubmitted.class), "evt-" + ref);
		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(ref)
			.singleResult();
		return new Request(ref, serviceId, data.get("customerId").asText(), instance);
	}

	private ObjectNode exampleData(String example) {
		try {
			return (ObjectNode) json.readTree(ContractExamples.read(example)).get("data");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ObjectNode read(String text) {
		try {
			return (ObjectNode) json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T> T convert(ObjectNode node, Class<T> type) {
		try {
			return json.treeToValue(node, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
