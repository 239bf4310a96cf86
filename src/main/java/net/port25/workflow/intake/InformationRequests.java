package net.port25.workflow.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.access.Readable;
import net.port25.workflow.audit.AuditAction;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.Correspondence;
import net.port25.workflow.request.MissingFact;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The info-request loop: which facts are missing, asking the customer for them (and for a
 * reviewer's questions), reminding, and closing a request that got no answer in time. The
 * customer always learns what to answer and by when.
 */
@Service
public class InformationRequests {

	private final Requests requests;

	private final CompletenessDecision completeness;

	private final Correspondence correspondence;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	private final AuditTrail audit;

	private final IntakeProperties properties;

	InformationRequests(Requests requests, CompletenessDecision completeness, Correspondence correspondence,
			CustomerNotifier notifier, CustomerMessages messages, AuditTrail audit, IntakeProperties properties) {
		this.requests = requests;
		this.completeness = completeness;
		this.correspondence = correspondence;
		this.notifier = notifier;
		this.messages = messages;
		this.audit = audit;
		this.properties = properties;
	}

	/** Records which required facts are missing; true if none is. */
	public boolean checkCompleteness(String requestRef) {
		RequestRecord record = requests.get(requestRef);
		List<MissingFact> missing = completeness.missingFacts(record.facts());
		requests.updateMissingFacts(requestRef, missing);
		return missing.isEmpty();
	}

	/**
	 * Asks the customer for exactly the missing facts, and for the reviewer's questions
	 * if the review asked for more information ({@code reviewerQuestions} null
	 * otherwise), to be answered by the date the request closes.
	 */
	public void ask(String requestRef, String reviewerQuestions, String reviewer, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		List<String> questions = new ArrayList<>(record.missingFacts().stream().map(MissingFact::question).toList());
		if (reviewerQuestions != null) {
			questions.add(reviewerQuestions);
		}
		List<String> missingFields = record.missingFacts().stream().map(MissingFact::field).toList();
		Instant answerBy = ClockUtil.getCurrentTime().toInstant().plus(properties.infoExpiresAfter());
		String actor = reviewerQuestions == null ? Actors.ENGINE : reviewer;
		String asked = String.join("\n", questions);
		correspondence.record(requestRef, Correspondence.Kind.QUESTIONS, actor, asked, answerBy);
		notifier.notify(new CustomerNotice(CustomerNotice.Type.INFO_REQUESTED, record.requestRef(), record.channel(),
				record.customerId(), record.serviceType(), record.serviceId(),
				messages.text(CustomerMessage.INFO_REQUESTED, requestRef, Readable.date(answerBy)), null, null,
				missingFields, asked));
		requests.changeStatus(requestRef, AccessStatus.INFO_REQUESTED, actor, "information requested: "
				+ String.join(", ", reviewerQuestions == null ? missingFields : List.of("reviewer's questions")),
				sourceEventId);
	}

	/** The customer has not answered yet: the questions again, and the date. */
	public void remind(String requestRef) {
		RequestRecord record = requests.get(requestRef);
		Correspondence.Entry asked = correspondence.lastQuestions(requestRef);
		notifier.notify(new CustomerNotice(CustomerNotice.Type.REMINDER_SENT, record.requestRef(), record.channel(),
				record.customerId(), record.serviceType(), record.serviceId(),
				messages.text(CustomerMessage.REMINDER, requestRef, Readable.date(asked.answerBy())), null, null,
				record.missingFacts().stream().map(MissingFact::field).toList(), asked.text()));
		audit.record(AuditEntry.action(requestRef, record.serviceId(), Actors.ENGINE, AuditAction.REMINDER_SENT, null,
				null));
	}

	/** No answer in time: the request is closed and the customer told so. */
	public void closeUnanswered(String requestRef) {
		RequestRecord record = requests.get(requestRef);
		Correspondence.Entry asked = correspondence.lastQuestions(requestRef);
		String due = Readable.date(asked.answerBy());
		String reason = messages.text(CustomerMessage.CLOSED_NO_ANSWER_REASON, due);
		notifier.notify(record.notice(CustomerNotice.Type.REQUEST_CLOSED,
				messages.text(CustomerMessage.CLOSED_NO_ANSWER, requestRef, due), reason, ReasonCode.NO_ANSWER));
		requests.changeStatus(requestRef, AccessStatus.CLOSED, ReasonCode.NO_ANSWER, Actors.ENGINE, reason, null);
	}

}
