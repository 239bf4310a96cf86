package net.port25.workflow.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit trail (the table refuses updates and deletes). Joins the caller's
 * transaction. An entry recorded while an event is applied gets the event's verified
 * source ({@link VerifiedSource}).
 */
@Repository
public class AuditTrail {

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(AuditEntry entry) {
		jdbc.sql("""
				insert into audit_entry (request_ref, service_id, at, actor, action, from_status, to_status, reason,
				                         source_event_id, verified_source)
				values (:requestRef, :serviceId, :at, :actor, :action, :fromStatus, :toStatus, :reason, :sourceEventId,
				        :verifiedSource)
				""")
			// typed, nulls too: a parameter typed by its value changes type with it, and
			// PostgreSQL then parses and plans the statement again at every other
			// execution
			.param("requestRef", entry.requestRef(), Types.VARCHAR)
			.param("serviceId", entry.serviceId(), Types.VARCHAR)
			.param("at", Timestamp.from(entry.at()))
			.param("actor", entry.actor(), Types.VARCHAR)
			.param("action", entry.action().name(), Types.VARCHAR)
			.param("fromStatus", entry.fromStatus(), Types.VARCHAR)
			.param("toStatus", entry.toStatus(), Types.VARCHAR)
			.param("reason", entry.reason(), Types.VARCHAR)
			.param("sourceEventId", entry.sourceEventId(), Types.VARCHAR)
			.param("verifiedSource",
					entry.verifiedSource() != null ? entry.verifiedSource() : VerifiedSource.current().orElse(null),
					Types.VARCHAR)
			.update();
	}

	/** The request's entries, oldest first. */
	public List<AuditEntry> forRequest(String requestRef) {
		return entriesWhere("request_ref = :key", requestRef);
	}

	/**
	 * The service's entries, oldest first, including those of refused attempts that
	 * matched no request.
	 */
	public List<AuditEntry> forService(String serviceId) {
		return entriesWhere("service_id = :key", serviceId);
	}

	private List<AuditEntry> entriesWhere(String condition, String key) {
		return jdbc
			.sql("select request_ref, service_id, at, actor, action, from_status, to_status, reason,"
					+ " source_event_id, verified_source from audit_entry where " + condition + " order by id")
			.param("key", key)
			.query((row, number) -> new AuditEntry(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
					row.getString(4), AuditAction.valueOf(row.getString(5)), row.getString(6), row.getString(7),
					row.getString(8), row.getString(9), row.getString(10)))
			.list();
	}

}
