package net.port25.workflow.intake;

import java.util.List;

import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckCompleteness}: which required facts are missing or unusable (DMN
 * request-completeness).
 */
@Component
class CheckCompletenessDelegate implements JavaDelegate {

	private final RequestRecords records;

	private final CompletenessDecision completeness;

	CheckCompletenessDelegate(RequestRecords records, CompletenessDecision completeness) {
		this.records = records;
		this.completeness = completeness;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RequestRecord record = records.get(execution.getProcessBusinessKey());
		List<MissingFact> missing = completeness.missingFacts(record.facts());
		records.updateMissingFacts(record.requestRef(), missing);
		execution.setVariable(Variables.REQUEST_COMPLETE, missing.isEmpty());
	}

}
