package net.port25.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import net.port25.bench.launch.ManagedProcess;
import net.port25.bench.launch.PostgresServer;
import net.port25.bench.load.Events.Event;

/**
 * What the engine's database says, read by the suite with a connection of its own per
 * question (the server may be restarting: a question is asked again until it answers).
 */
final class Database {

	private final PostgresServer postgres;

	private final String database;

	Database(PostgresServer postgres, String database) {
		this.postgres = postgres;
		this.database = database;
	}

	/** The ids of the events the engine has applied (claimed in processed_event). */
	Set<String> claimedIds() {
		return query("select event_id from processed_event", (rows) -> {
			Set<String> ids = new HashSet<>();
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
			return ids;
		});
	}

	/** How many of {@code events} the engine has not applied yet. */
	long unclaimed(Collection<Event> events) {
		Set<String> claimed = claimedIds();
		return events.stream().map(Event::id).distinct().filter((id) -> !claimed.contains(id)).count();
	}

	/**
	 * Waits until every one of {@code events} is applied; returns how many are not by the
	 * timeout.
	 */
	long awaitClaimed(Collection<Event> events, Duration timeout, java.util.function.BooleanSupplier abort) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long missing;
		while ((missing = unclaimed(events)) > 0 && System.nanoTime() < deadline) {
			if (abort.getAsBoolean()) {
				throw new IllegalStateException("the fault injector failed; see above");
			}
			ManagedProcess.sleep(Duration.ofSeconds(1));
		}
		return missing;
	}

	Map<String, String> requestStatus() {
		return query("select request_ref, status from access_request", (rows) -> {
			Map<String, String> status = new HashMap<>();
			while (rows.next()) {
				status.put(rows.getString(1), rows.getString(2));
			}
			return status;
		});
	}

	/** Process instances per business key, of the keys that have more than one. */
	Map<String, Long> processInstancesTwice() {
		return counts("""
				select business_key_, count(*) from act_hi_procinst group by business_key_ having count(*) > 1""");
	}

	Map<String, Long> processInstancesByKey() {
		return counts("select business_key_, count(*) from act_hi_procinst group by business_key_");
	}

	/**
	 * State changes that one source event made more than once (a request, an event, a new
	 * state).
	 */
	long statusChangesAppliedTwice() {
		return count("""
				select count(*) from (select 1 from audit_entry where action = 'STATUS_CHANGED'
				and source_event_id is not null
				group by request_ref, source_event_id, to_status having count(*) > 1) twice""");
	}

	/** Every number of the final checks that the database alone answers. */
	Map<String, Object> engineHealth() {
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("incidents", count("select count(*) from act_ru_incident"));
		// a job with retries left whose due date passed long ago: nobody runs it
		health.put("stuckJobs", count("""
				select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1
				and coalesce(duedate_, create_time_) < now() - interval '2 minutes'
				and (lock_exp_time_ is null or lock_exp_time_ < now())"""));
		health.put("failedJobs", count("select count(*) from act_ru_job where retries_ = 0"));
		health.put("outboxPending", count("select count(*) from outbox_event where published_at is null"));
		return health;
	}

	long outboxPending() {
		return count("select count(*) from outbox_event where published_at is null");
	}

	private Map<String, Long> counts(String sql) {
		return query(sql, (rows) -> {
			Map<String, Long> counts = new HashMap<>();
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getLong(2));
			}
			return counts;
		});
	}

	private long count(String sql) {
		return query(sql, (rows) -> {
			rows.next();
			return rows.getLong(1);
		});
	}

	private interface Rows<T> {

		T read(ResultSet rows) throws SQLException;

	}

	private <T> T query(String sql, Rows<T> rows) {
		SQLException last = null;
		for (int attempt = 0; attempt < 120; attempt++) {
			try (Connection connection = this.postgres.connect(this.database);
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(sql)) {
				return rows.read(result);
			}
			catch (SQLException ex) {
				// restarting: ask again
				last = ex;
				ManagedProcess.sleep(Duration.ofSeconds(1));
			}
		}
		throw new IllegalStateException("the database did not answer: " + sql, last);
	}

}
