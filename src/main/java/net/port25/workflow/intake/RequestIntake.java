package net.port25.workflow.intake;

import static net.port25.workflow.Port25AccessProcess.MESSAGE_REQUEST_SUBMITTED;

import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Turns a submitted request into a process instance whose business key is the request reference. */
@Service
public class RequestIntake {

	private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);

	private final RuntimeService runtimeService;

	RequestIntake(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	public void submit(RequestSubmitted request, String sourceEventId) {
		runtimeService.createMessageCorrelation(MESSAGE_REQUEST_SUBMITTED)
			.processInstanceBusinessKey(request.requestRef())
			.setVariable(Variables.REQUEST_REF, request.requestRef())
			.setVariable(Variables.CHANNEL, request.channel().name())
			.setVariable(Variables.CUSTOMER_ID, request.customerId())
			.setVariable(Variables.SERVICE_TYPE, request.serviceType() == null ? null : request.serviceType().name())
			.setVariable(Variables.SERVICE_ID, request.serviceId())
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlateStartMessage();
		log.info("Request {} submitted by customer {} (event {})", request.requestRef(), request.customerId(),
				sourceEventId);
	}

}
