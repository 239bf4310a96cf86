package net.port25.workflow.review;

import java.util.ArrayList;
import java.util.List;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.Finding;
import net.port25.workflow.intake.RequestRecord;
import net.port25.workflow.intake.RequestRecords;
import net.port25.workflow.intake.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AssessRisk}: the risk findings (DMN request-risk) for the reviewer, kept
 * beside any abuse reported while the request was pending; the request is now in review.
 */
@Component
class AssessRiskDelegate implements JavaDelegate {

	/** Findings that do not come from the risk decision and survive a re-assessment. */
	static final String ABUSE_FINDING_PREFIX = "ABUSE_";

	private final RequestRecords records;

	private final RiskDecision risk;

	private final RequestStatus status;

	private final ReviewBrief brief;

	AssessRiskDelegate(RequestRecords records, RiskDecision risk, RequestStatus status, ReviewBrief brief) {
		this.records = records;
		this.risk = risk;
		this.status = status;
		this.brief = brief;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		List<Finding> findings = new ArrayList<>(risk.findings(record.facts(),
				record.serviceId() == null ? 0 : records.countRevoked(record.serviceId())));
		record.findings()
			.stream()
			.filter(finding -> finding.code().startsWith(ABUSE_FINDING_PREFIX))
			.forEach(findings::add);
		records.updateFindings(record.requestRef(), findings);
		status.change(record.requestRef(), AccessStatus.IN_REVIEW, Actors.ENGINE, null,
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
		execution.setVariables(brief.variables(records.get(record.requestRef())));
	}

}
