package net.port25.workflow.intake;

import static net.port25.workflow.Port25AccessProcess.MESSAGE_INFORMATION_PROVIDED;
import static net.port25.workflow.Port25AccessProcess.MESSAGE_REQUEST_SUBMITTED;
import static net.port25.workflow.Port25AccessProcess.MESSAGE_REQUEST_WITHDRAWN;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.port25.workflow.Port25AccessProcess;
import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.inventory.Ownership;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.request.Correspondence;
import net.port25.workflow.request.RequestFacts;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers send about their requests: a new request starts a process instance
 * (business key: the request reference); an answer is taken only while the request waits
 * for one, a withdrawal while it is live. The customer's own words are kept beside the
 * facts read from them.
 */
@Service
@Transactional
public class RequestIntake {

	private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);

	private static final String WITHDRAWN_BY_THE_CUSTOMER = "withdrawn by the customer";

	private final Requests requests;

	private final Correspondence correspondence;

	private final AuditTrail audit;

	private final IntakeReplies replies;

	private final ServiceInventory inventory;

	private final RuntimeService runtimeService;

	RequestIntake(Requests requests, Correspondence correspondence, AuditTrail audit, IntakeReplies replies,
			ServiceInventory inventory, RuntimeService runtimeService) {
		this.requests = requests;
		this.correspondence = correspondence;
		this.audit = audit;
		this.replies = replies;
		this.inventory = inventory;
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
		Ownership ownership = ownership(record.facts(), record.customerId());
		if (!inventory.allows(ownership)) {
			replies.refuseNotTheirs(record, sourceEventId);
			return Submission.NOT_YOUR_SERVICE;
		}
		Optional<RequestRecord> live = record.serviceId() == null ? Optional.empty()
				: requests.findLive(record.serviceId(), null);
		if (live.isPresent() && ownership == Ownership.OWNED && !live.get().customerId().equals(record.customerId())) {
			// someone else's request for the owner's service never blocks the owner's own
			refuse(live.get(), ReasonCode.NOT_YOUR_SERVICE, sourceEventId);
		}
		else if (live.isPresent()) {
			replies.refuseDuplicate(record, sourceEventId);
			return Submission.DUPLICATE;
		}
		String customer = Actors.customer(record.customerId());
		requests.register(record, customer, sourceEventId);
		if (request.body() != null && !request.body().isBlank()) {
			correspondence.record(record.requestRef(), Correspondence.Kind.REQUEST, customer, request.body(), null);
		}
		runtimeService.createMessageCorrelation(MESSAGE_REQUEST_SUBMITTED)
			.processInstanceBusinessKey(record.requestRef())
			.setVariable(Variables.REQUEST_REF, record.requestRef())
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.correlateStartMessage();
		return Submission.REGISTERED;
	}

	/**
	 * Takes the customer's answer while the request waits for one: the given facts
	 * replace the old ones and the answer is kept as written. An answer that names a
	 * service with another live request refuses the request as a duplicate.
	 */
	public void provideInformation(InformationProvided answer, String sourceEventId) {
		Optional<RequestRecord> found = live(answer.requestRef());
		if (found.isEmpty()) {
			replies.notOpen(answer.requestRef(), CustomerMessage.INFORMATION_NOT_APPLIED, sourceEventId);
			return;
		}
		RequestRecord record = found.get();
		if (!awaits(MESSAGE_INFORMATION_PROVIDED, record.requestRef())) {
			replies.notAsked(record, sourceEventId);
			return;
		}
		RequestFacts facts = answer.facts().orElse(record.facts());
		if (!inventory.allows(ownership(facts, record.customerId()))) {
			refuse(record, ReasonCode.NOT_YOUR_SERVICE, sourceEventId);
			return;
		}
		if (namesAnotherLiveRequest(record, facts)) {
			refuse(record, ReasonCode.DUPLICATE, sourceEventId);
			return;
		}
		String customer = Actors.customer(record.customerId());
		requests.updateFacts(record.requestRef(), facts);
		correspondence.record(record.requestRef(), Correspondence.Kind.ANSWER, customer, answer.asWritten(), null);
		audit.record(AuditEntry.action(record.requestRef(), facts.serviceId(), customer,
				AuditAction.INFORMATION_PROVIDED, null, sourceEventId));
		correlate(MESSAGE_INFORMATION_PROVIDED, record.requestRef(), sourceEventId, Map.of());
	}

	/** Ends the request, or the access it granted, at the customer's wish. */
	public void withdraw(RequestWithdrawn withdrawal, String sourceEventId) {
		if (live(withdrawal.requestRef()).isEmpty()) {
			replies.notOpen(withdrawal.requestRef(), CustomerMessage.WITHDRAWAL_NOT_APPLIED, sourceEventId);
			return;
		}
		if (!awaits(MESSAGE_REQUEST_WITHDRAWN, withdrawal.requestRef())) {
			log.info("Request {} does not wait for a withdrawal now; event {} recorded only", withdrawal.requestRef(),
					sourceEventId);
			return;
		}
		correlate(MESSAGE_REQUEST_WITHDRAWN, withdrawal.requestRef(), sourceEventId, Map.of(Variables.WITHDRAWAL_REASON,
				withdrawal.reason() == null ? WITHDRAWN_BY_THE_CUSTOMER : withdrawal.reason()));
	}

	/** Ends a pending request before it is decided, for a reason the contract names. */
	void refuse(RequestRecord record, ReasonCode reasonCode, String sourceEventId) {
		correlate(Port25AccessProcess.MESSAGE_REFUSE_REQUEST, record.requestRef(), sourceEventId,
				Map.of(Variables.REFUSAL_REASON_CODE, reasonCode.code()));
	}

	/**
	 * Whether the inventory lets the customer ask for the service these facts name (any,
	 * while none is named).
	 */
	private Ownership ownership(RequestFacts facts, String customerId) {
		if (facts.serviceId() == null) {
			return Ownership.OWNED;
		}
		return inventory.ownership(facts.serviceId(), facts.serviceType(), customerId,
				facts.ipAddresses() == null ? List.of() : facts.ipAddresses());
	}

	private boolean namesAnotherLiveRequest(RequestRecord record, RequestFacts facts) {
		if (facts.serviceId() == null || facts.serviceId().equals(record.serviceId())) {
			return false;
		}
		return requests.findLive(facts.serviceId(), null)
			.filter((other) -> !other.requestRef().equals(record.requestRef()))
			.isPresent();
	}

	private Optional<RequestRecord> live(String requestRef) {
		return requests.lock(requestRef).filter((record) -> record.status().isLive());
	}

	private boolean awaits(String message, String requestRef) {
		return runtimeService.createExecutionQuery()
			.processInstanceBusinessKey(requestRef)
			.messageEventSubscriptionName(message)
			.count() > 0;
	}

	private void correlate(String message, String requestRef, String sourceEventId, Map<String, Object> variables) {
		runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(requestRef)
			.setVariable(Variables.SOURCE_EVENT_ID, sourceEventId)
			.setVariables(variables)
			.correlate();
	}

}
