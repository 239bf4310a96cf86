package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionSystemException;

class TransientFailuresTest {

	@Test
	void waitsOutAnUnreachableDatabase() {
		assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
				new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")))))
			.isTrue();
	}

	@Test
	void waitsOutALostOptimisticLockBetweenEngineNodes() {
		assertThat(TransientFailures.isTransient(
				new ListenerExecutionFailedException("listener failed", new OptimisticLockingException("race"))))
			.isTrue();
	}

	@Test
	void waitsOutADeadlockOrSerializationFailure() {
		assertThat(TransientFailures.isTransient(new ProcessEngineException(new SQLException("deadlock", "40P01"))))
			.isTrue();
	}

	@Test
	void waitsOutADatabaseLostMidTransactionWhoseRollbackFailsToo() {
		// what the fault suite saw on a PostgreSQL immediate stop: the statement's I/O
		// error,
		// replaced by the rollback's failure on the connection the pool had closed
		TransactionSystemException rollbackFailed = new TransactionSystemException(
				"Could not roll back JDBC transaction", new SQLException("Connection is closed"));
		rollbackFailed.initApplicationException(new DataAccessResourceFailureException("insert into processed_event",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")));
		assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
				new BatchListenerFailedException("event not applied", rollbackFailed, 0))))
			.isTrue();
	}

	@Test
	void treatsAFailedRollbackOfAPermanentFailureAsPermanent() {
		TransactionSystemException rollbackFailed = new TransactionSystemException(
				"Could not roll back JDBC transaction", new SQLException("Connection is closed"));
		rollbackFailed.initApplicationException(new ProcessEngineException("no such message"));
		assertThat(TransientFailures.isTransient(rollbackFailed)).isFalse();
	}

	@Test
	void waitsOutADatabaseThatShutsDownOrIsStillStartingUp() {
		for (String state : new String[] { "57P01", "57P02", "57P03" }) {
			assertThat(TransientFailures.isTransient(new ProcessEngineException(
					new SQLException("terminating connection due to immediate shutdown command", state))))
				.as(state)
				.isTrue();
		}
	}

	@Test
	void treatsAnInvalidEventAsPermanent() {
		assertThat(TransientFailures.isTransient(
				new ListenerExecutionFailedException("listener failed", new InvalidEventException("not JSON"))))
			.isFalse();
	}

	@Test
	void treatsAnUnexpectedEngineErrorAsPermanent() {
		assertThat(TransientFailures.isTransient(new ProcessEngineException("no such message"))).isFalse();
	}

}
