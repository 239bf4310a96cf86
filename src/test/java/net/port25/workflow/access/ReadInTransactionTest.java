package net.port25.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class ReadInTransactionTest {

	private final List<String> reads = new ArrayList<>();

	private final Function<String, Optional<String>> database = (id) -> {
		reads.add(id);
		return Optional.of(id + "#" + reads.size());
	};

	private final ReadInTransaction<String> kept = new ReadInTransaction<>();

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			complete();
		}
	}

	@Test
	void readsEachIdOnceInATransaction() {
		begin();

		assertThat(kept.find("a", database)).contains("a#1");
		assertThat(kept.find("a", database)).contains("a#1");
		assertThat(kept.find("b", database)).contains("b#2");
		assertThat(reads).containsExactly("a", "b");
	}

	@Test
	void readsAgainAfterTheIdIsForgottenOrTheTransactionEnds() {
		begin();
		kept.find("a", database);
		kept.forget("a");
		assertThat(kept.find("a", database)).contains("a#2");
		complete();

		begin();
		assertThat(kept.find("a", database)).contains("a#3");
	}

	@Test
	void keepsWhatALockingReadReturned() {
		begin();
		kept.find("a", database);

		kept.keep(Optional.of("a-locked"), (value) -> value.substring(0, 1));

		assertThat(kept.find("a", database)).contains("a-locked");
		assertThat(reads).containsExactly("a");
	}

	@Test
	void keepsNothingOutsideATransaction() {
		kept.find("a", database);
		kept.keep(Optional.of("a-locked"), (value) -> "a");

		assertThat(kept.find("a", database)).contains("a#2");
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
	}

	@Test
	void forgetsTheIdsAPredicatePicks() {
		begin();
		kept.find("a|1", database);
		kept.find("b|1", database);

		kept.forgetIf((id) -> !id.startsWith("a|"));

		assertThat(kept.find("a|1", database)).contains("a|1#1");
		assertThat(kept.find("b|1", database)).contains("b|1#3");
	}

	@Test
	void twoKindsOfRecordKeepTheirOwn() {
		ReadInTransaction<String> other = new ReadInTransaction<>();
		begin();
		kept.find("a", database);

		assertThat(other.find("a", (id) -> Optional.of("other"))).contains("other");
		assertThat(kept.find("a", database)).contains("a#1");
	}

	private static void begin() {
		TransactionSynchronizationManager.initSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(true);
	}

	private static void complete() {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(false);
		TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations,
				TransactionSynchronization.STATUS_COMMITTED);
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
	}

}
