package net.port25.workflow.review;

import java.util.Map;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.inventory.Ownership;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.request.RequestHistory;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import net.port25.workflow.revocation.AbuseReviews;
import org.springframework.stereotype.Service;

/**
 * A complete request is assessed for risk (DMN request-risk), with what happened before
 * to its service and IP addresses and the mail providers it names, and goes into review.
 */
@Service
public class RiskAssessment {

	private final Requests requests;

	private final AbuseReviews abuseReviews;

	private final ServiceInventory inventory;

	private final RiskDecision risk;

	private final ReviewBrief brief;

	RiskAssessment(Requests requests, AbuseReviews abuseReviews, ServiceInventory inventory, RiskDecision risk,
			ReviewBrief brief) {
		this.requests = requests;
		this.abuseReviews = abuseReviews;
		this.inventory = inventory;
		this.risk = risk;
		this.brief = brief;
	}

	/** Records the findings and the new state; returns what the review form shows. */
	public Map<String, Object> assess(String requestRef, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		RequestHistory history = requests.history(record);
		RiskDecision.Context context = new RiskDecision.Context(history.revocations(), history.rejections(),
				abuseReviews.reportsAgainst(record.serviceId(), record.ipAddresses()),
				SubmissionPortProviders.namedIn(record.facts()).orElse(null),
				record.serviceId() == null ? Ownership.UNKNOWN : inventory.ownership(record.serviceId(),
						record.serviceType(), record.customerId(), record.ipAddresses()));
		requests.assessed(requestRef, risk.findings(record.facts(), context));
		requests.changeStatus(requestRef, AccessStatus.IN_REVIEW, Actors.ENGINE, null, sourceEventId);
		return brief.variables(requests.get(requestRef));
	}

}
