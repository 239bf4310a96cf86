package net.port25.workflow.intake;

import net.port25.workflow.Port25AccessProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_WithdrawRequest}: the customer withdrew; an open port is closed. */
@Component
class WithdrawRequestDelegate implements JavaDelegate {

	private final Withdrawals withdrawals;

	WithdrawRequestDelegate(Withdrawals withdrawals) {
		this.withdrawals = withdrawals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		withdrawals.withdraw(execution.getProcessBusinessKey(),
				(String) execution.getVariable(Variables.WITHDRAWAL_REASON),
				(String) execution.getVariable(Variables.SOURCE_EVENT_ID));
	}

}
