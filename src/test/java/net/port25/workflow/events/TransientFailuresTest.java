package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

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
