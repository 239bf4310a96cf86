package net.port25.workflow.intake;

import static net.port25.workflow.Port25AccessProcess.MESSAGE_INFORMATION_PROVIDED;
import static net.port25.workflow.Port25AccessProcess.MESSAGE_REQUEST_SUBMITTED;
import static net.port25.workflow.Port25AccessProcess.MESSAGE_REQUEST_WITHDRAWN;

import java.util.Optional;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers send about their requests: a new request starts a process instance
 * (business key: the request reference), an answer or a withdrawal is merged into the
 * record and correlated to it.
 */
@Service
@Transactional
public class RequestIntake {

	private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);

	private static final String WITHDRAWN_BY_THE_CUSTOMER = "withdrawn by the customer";

	private final Requests requests;

	private final AuditTrail audit;

	private final IntakeReplies replies;

	private final RuntimeService runtimeService;

	RequestIntake(Requests requests, AuditTrail audit, IntakeReplies replies, RuntimeService runtimeService) {
		this.requests = requests;
		this.audit = audit;
		this.replies = replies;
		this.runtimeService = runtimeService;
	}

	/**
	 * Registers the request and starts its process, unless the service already has a live
	 * request. Says which happened, for callers that answer at once (the REST API); the
	 * Kafka edge needs no answer.
	 */
	public Submission submit(RequestSubmitted request, String sourceEventId) {
		if (requests.find(request.requestRef()).isPresent()) {
			log.info("Request {} is already registered; event {} changes nothing", request.requestRef(), sourceEventId);
			return Submission.ALREADY_REGISTERED;
		}
		RequestRecord record = RequestRecord.submitted(request.requestRef(), request.channel(), request.customerId(),
				request.facts());
		Optional<RequestRecord> live = record.serviceId() == null ? Optional.empty()
				: requests.findLive(record.serviceId(), null);
		if (live.isPresent()) {
			replies.refuseDuplicate(record, live.get(), sourceEventId);
			return Submission.DUPLICATE;
		}
		requests.register(record, Actors.customer(record.customerId()), sourceEventId);
		runtimeService.createMessageCorrelation(MESSAGE_REQUEST_SUBMITTED)
			.processInstanceBusinessKey(record.requestRef())
			.setVariable(Variables.REQUEST_REF, record.requestRef())
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlateStartMessage();
		return Submission.REGISTERED;
	}

	/**
	 * Merges the customer's answer into the request and hands it to the process if it
	 * waits for one.
	 */
	public void provideInformation(InformationProvided answer, String sourceEventId) {
		Optional<RequestRecord> found = live(answer.requestRef());
		if (found.isEmpty()) {
			replies.notOpen(answer.requestRef(), CustomerMessage.INFORMATION_NOT_APPLIED, sourceEventId);
			return;
		}
		RequestRecord record = found.get();
		requests.updateFacts(record.requestRef(), answer.facts().orElse(record.facts()));
		audit.record(AuditEntry.action(record.requestRef(), record.serviceId(), Actors.customer(record.customerId()),
				AuditAction.INFORMATION_PROVIDED, null, sourceEventId));
		correlateIfAwaited(MESSAGE_INFORMATION_PROVIDED, record.requestRef(), sourceEventId, null);
	}

	/** Ends the request, or the access it granted, at the customer's wish. */
	public void withdraw(RequestWithdrawn withdrawal, String sourceEventId) {
		if (live(withdrawal.requestRef()).isEmpty()) {
			replies.notOpen(withdrawal.requestRef(), CustomerMessage.WITHDRAWAL_NOT_APPLIED, sourceEventId);
			return;
		}
		correlateIfAwaited(MESSAGE_REQUEST_WITHDRAWN, withdrawal.requestRef(), sourceEventId,
				withdrawal.reason() == null ? WITHDRAWN_BY_THE_CUSTOMER : withdrawal.reason());
	}

	private Optional<RequestRecord> live(String requestRef) {
		return requests.find(requestRef).filter((record) -> record.status().isLive());
	}

	private void correlateIfAwaited(String message, String requestRef, String sourceEventId, String withdrawalReason) {
		boolean awaited = runtimeService.createExecutionQuery()
			.processInstanceBusinessKey(requestRef)
			.messageEventSubscriptionName(message)
			.count() > 0;
		if (!awaited) {
			log.info("Request {} does not wait for {} now; event {} recorded only", requestRef, message, sourceEventId);
			return;
		}
		MessageCorrelationBuilder correlation = runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(requestRef)
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId);
		if (withdrawalReason != null) {
			correlation.setVariable(Variables.WITHDRAWAL_REASON, withdrawalReason);
		}
		correlation.correlate();
	}

}
