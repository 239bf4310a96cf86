package net.port25.workflow.intake;

import static net.port25.workflow.Port25AccessProcess.MESSAGE_INFORMATION_PROVIDED;
import static net.port25.workflow.Port25AccessProcess.MESSAGE_REQUEST_SUBMITTED;
import static net.port25.workflow.Port25AccessProcess.MESSAGE_REQUEST_WITHDRAWN;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
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

	private final RequestRecords records;

	private final RequestStatus status;

	private final AuditTrail audit;

	private final CustomerNotifier notifier;

	private final RuntimeService runtimeService;

	private final Counter unmatched;

	RequestIntake(RequestRecords records, RequestStatus status, AuditTrail audit, CustomerNotifier notifier,
			RuntimeService runtimeService, MeterRegistry meters) {
		this.records = records;
		this.status = status;
		this.audit = audit;
		this.notifier = notifier;
		this.runtimeService = runtimeService;
		this.unmatched = meters.counter("port25.events.unmatched", "capability", "intake");
	}

	/**
	 * Registers the request and starts its process, unless the service already has a live
	 * request. Says which happened, for callers that answer at once (the REST API); the
	 * Kafka edge needs no answer.
	 */
	public Submission submit(RequestSubmitted request, String sourceEventId) {
		if (records.find(request.requestRef()).isPresent()) {
			log.info("Request {} is already registered; event {} changes nothing", request.requestRef(), sourceEventId);
			return Submission.ALREADY_REGISTERED;
		}
		RequestRecord record = new RequestRecord(request.requestRef(), request.channel(), request.customerId(),
				request.facts(), AccessStatus.SUBMITTED, List.of(), List.of(), Instant.now());
		Optional<RequestRecord> live = record.serviceId() == null ? Optional.empty()
				: records.findLive(record.serviceId(), null);
		if (live.isPresent()) {
			refuseDuplicate(record, live.get(), sourceEventId);
			return Submission.DUPLICATE;
		}
		records.insert(record);
		status.registered(record, Actors.customer(record.customerId()), sourceEventId);
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
		Optional<RequestRecord> found = records.find(answer.requestRef());
		if (found.isEmpty() || !found.get().status().isLive()) {
			answerNotOpen(answer.requestRef(), found, "information", sourceEventId);
			return;
		}
		RequestRecord record = found.get();
		records.updateFacts(record.requestRef(), answer.facts().orElse(record.facts()));
		audit.record(AuditEntry.action(record.requestRef(), record.serviceId(), Actors.customer(record.customerId()),
				"INFORMATION_PROVIDED", null, sourceEventId));
		correlateIfAwaited(MESSAGE_INFORMATION_PROVIDED, record.requestRef(), sourceEventId, null);
	}

	/** Ends the request, or the access it granted, at the customer's wish. */
	public void withdraw(RequestWithdrawn withdrawal, String sourceEventId) {
		Optional<RequestRecord> found = records.find(withdrawal.requestRef());
		if (found.isEmpty() || !found.get().status().isLive()) {
			answerNotOpen(withdrawal.requestRef(), found, "withdrawal", sourceEventId);
			return;
		}
		correlateIfAwaited(MESSAGE_REQUEST_WITHDRAWN, withdrawal.requestRef(), sourceEventId,
				withdrawal.reason() == null ? "withdrawn by the customer" : withdrawal.reason());
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
		var correlation = runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(requestRef)
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId);
		if (withdrawalReason != null) {
			correlation.setVariable(Variables.WITHDRAWAL_REASON, withdrawalReason);
		}
		correlation.correlate();
	}

	/**
	 * The event refers to nothing that can take it: say so on the reply topic, and go on.
	 */
	private void answerNotOpen(String requestRef, Optional<RequestRecord> found, String what, String sourceEventId) {
		String reason = found.map(record -> "request " + requestRef + " has ended (" + record.status() + ")")
			.orElse("no request " + requestRef + " is known");
		log.warn("{} for {} not applied: {} (event {})", what, requestRef, reason, sourceEventId);
		unmatched.increment();
		String message = "Your " + what + " could not be applied: " + reason + ".";
		notifier.notify(found.map(record -> record.notice(CustomerNotice.Type.REQUEST_NOT_OPEN, message, reason))
			.orElseGet(() -> new CustomerNotice(CustomerNotice.Type.REQUEST_NOT_OPEN, requestRef, null, null, null,
					null, message, reason, null, null)));
	}

	private void refuseDuplicate(RequestRecord duplicate, RequestRecord live, String sourceEventId) {
		String reason = "duplicate: service " + live.serviceId() + " already has request " + live.requestRef() + " ("
				+ live.status() + ")";
		notifier.notify(duplicate.notice(CustomerNotice.Type.REQUEST_REJECTED,
				"Your request was not registered: this service already has an open request or active port 25 access.",
				reason));
		audit.record(AuditEntry.action(duplicate.requestRef(), duplicate.serviceId(),
				Actors.customer(duplicate.customerId()), "DUPLICATE_REFUSED", reason, sourceEventId));
	}

}
