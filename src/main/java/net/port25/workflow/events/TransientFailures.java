package net.port25.workflow.events;

import java.sql.SQLTransientException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that go away by themselves: the database or the broker is (briefly)
 * unreachable, or another node won a race.
 */
final class TransientFailures {

	private TransientFailures() {
	}

	static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// a rollback that fails on a connection the failure closed replaces the
			// failure
			// (TransactionTemplate: "application exception overridden by rollback
			// exception"),
			// which it keeps beside: judged by that, the lost connection is seen
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isTransient(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof TransientDataAccessException || cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
					|| cause instanceof OptimisticLockingException
					|| cause instanceof DeadLetters.DeadLetterNotSentException
					|| cause instanceof java.sql.SQLException sql && isConnectionFailure(sql)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQL state class 08: connection exception; 40001 serialization failure, 40P01
	 * deadlock; 57P01 to 57P03: the server shuts down (administrator or crash) or is
	 * still starting up (WAL replay after an immediate stop).
	 */
	private static boolean isConnectionFailure(java.sql.SQLException failure) {
		String state = failure.getSQLState();
		return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
				|| state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
	}

}
