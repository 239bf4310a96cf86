package net.port25.workflow.request;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The request records read by reference in the current transaction, so that the steps of
 * one event (the listener, the engine's delegates, the review brief) read a request from
 * PostgreSQL once, where each read it again (bench: 6.5 reads of the same row per event).
 * A write through {@link RequestRecords} forgets the request; a locking read always goes
 * to the database. Outside a transaction nothing is kept.
 */
final class RecordsReadInTransaction {

	private static final Object KEY = RecordsReadInTransaction.class;

	private RecordsReadInTransaction() {
	}

	static Optional<RequestRecord> find(String requestRef, Function<String, Optional<RequestRecord>> read) {
		Map<String, Optional<RequestRecord>> kept = kept();
		if (kept == null) {
			return read.apply(requestRef);
		}
		Optional<RequestRecord> record = kept.get(requestRef);
		if (record == null) {
			record = read.apply(requestRef);
			kept.put(requestRef, record);
		}
		return record;
	}

	/** A record just read from the database, locked or not, is the one to keep. */
	static Optional<RequestRecord> read(Optional<RequestRecord> record) {
		Map<String, Optional<RequestRecord>> kept = kept();
		if (kept != null) {
			record.ifPresent((found) -> kept.put(found.requestRef(), record));
		}
		return record;
	}

	static void forget(String requestRef) {
		Map<String, Optional<RequestRecord>> kept = existing();
		if (kept != null) {
			kept.remove(requestRef);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Optional<RequestRecord>> existing() {
		return (Map<String, Optional<RequestRecord>>) TransactionSynchronizationManager.getResource(KEY);
	}

	private static Map<String, Optional<RequestRecord>> kept() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		Map<String, Optional<RequestRecord>> kept = existing();
		if (kept == null) {
			Map<String, Optional<RequestRecord>> created = new HashMap<>();
			TransactionSynchronizationManager.bindResource(KEY, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
			kept = created;
		}
		return kept;
	}

}
