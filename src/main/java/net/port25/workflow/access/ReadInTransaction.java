package net.port25.workflow.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rows of one kind that the current transaction has read by id (or the result of one
 * query, by its arguments), so that the steps of one event (the listener, the engine's
 * delegates, the review brief) read it from PostgreSQL once where each would read it
 * again (bench: a request 6.5 times per event, a service's inventory record 3 times per
 * new request). The repository that owns the rows forgets or replaces one when it writes
 * it, and keeps what a locking read returns, which always goes to the database. Outside a
 * transaction nothing is kept.
 *
 * @param <V> the record read
 */
public final class ReadInTransaction<V> {

	/** Each instance binds its own map to the transaction. */
	private final Object key = new Object();

	/** The record kept for the id, read with {@code read} the first time. */
	public Optional<V> find(String id, Function<String, Optional<V>> read) {
		Map<String, Optional<V>> kept = kept();
		if (kept == null) {
			return read.apply(id);
		}
		Optional<V> record = kept.get(id);
		if (record == null) {
			record = read.apply(id);
			kept.put(id, record);
		}
		return record;
	}

	/** A record just read from the database, locked or not, is the one to keep. */
	public Optional<V> keep(Optional<V> record, Function<V, String> idOf) {
		Map<String, Optional<V>> kept = kept();
		if (kept != null) {
			record.ifPresent((found) -> kept.put(idOf.apply(found), record));
		}
		return record;
	}

	public void forget(String id) {
		Map<String, Optional<V>> kept = existing();
		if (kept != null) {
			kept.remove(id);
		}
	}

	/** For the results of queries that a write may change. */
	public void forgetIf(Predicate<String> id) {
		Map<String, Optional<V>> kept = existing();
		if (kept != null) {
			kept.keySet().removeIf(id);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Optional<V>> existing() {
		return (Map<String, Optional<V>>) TransactionSynchronizationManager.getResource(key);
	}

	private Map<String, Optional<V>> kept() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		Map<String, Optional<V>> kept = existing();
		if (kept == null) {
			Map<String, Optional<V>> created = new HashMap<>();
			TransactionSynchronizationManager.bindResource(key, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}
			});
			kept = created;
		}
		return kept;
	}

}
