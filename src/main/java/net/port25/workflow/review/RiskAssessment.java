package net.port25.workflow.review;

import java.util.Map;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/** A complete request is assessed for risk (DMN request-risk) and goes into review. */
@Service
public class RiskAssessment {

	private final Requests requests;

	private final RiskDecision risk;

	private final ReviewBrief brief;

	RiskAssessment(Requests requests, RiskDecision risk, ReviewBrief brief) {
		this.requests = requests;
		this.risk = risk;
		this.brief = brief;
	}

	/** Records the findings and the new state; returns what the review form shows. */
	public Map<String, Object> assess(String requestRef, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		int previousRevocations = record.serviceId() == null ? 0 : requests.countRevoked(record.serviceId());
		requests.assessed(requestRef, risk.findings(record.facts(), previousRevocations));
		requests.changeStatus(requestRef, AccessStatus.IN_REVIEW, Actors.ENGINE, null, sourceEventId);
		return brief.variables(requests.get(requestRef));
	}

}
