package net.port25.workflow.revocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every abuse report, by service, IP address and customer; joins the caller's
 * transaction. Revocation's own storage: other modules ask {@link AbuseReviews}.
 */
@Repository
class AbuseReports {

	private static final String COLUMNS = """
			id, service_id, ip_address, customer_id, request_ref, category, severity, evidence, detected_at,
			reported_at, effect, review_outcome, reviewed_by, review_reason""";

	private final JdbcClient jdbc;

	AbuseReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long record(AbuseDetected abuse, String serviceId, List<String> serviceIpAddresses, String customerId,
			String requestRef, AbuseReport.Effect effect, String sourceEventId) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into abuse_report (source_event_id, service_id, ip_address, service_ip_addresses, customer_id,
				                          request_ref, category, severity, evidence, detected_at, reported_at, effect)
				values (:event, :serviceId, :ip, :serviceIps, :customer, :ref, :category, :severity, :evidence,
				        :detectedAt, :now, :effect)
				""")
			.param("event", sourceEventId)
			.param("serviceId", serviceId)
			.param("ip", abuse.ipAddress())
			.param("serviceIps", serviceIpAddresses.toArray(String[]::new))
			.param("customer", customerId)
			.param("ref", requestRef)
			.param("category", abuse.category().name())
			.param("severity", abuse.severity().name())
			.param("evidence", abuse.evidence())
			.param("detectedAt", abuse.detectedAt() == null ? null : Timestamp.from(abuse.detectedAt()))
			.param("now", Timestamp.from(Instant.now()))
			.param("effect", effect.name())
			.update(key, "id");
		return key.getKey().longValue();
	}

	AbuseReport get(long id) {
		return jdbc.sql("select " + COLUMNS + " from abuse_report where id = :id")
			.param("id", id)
			.query(this::map)
			.single();
	}

	/** The reports for the service or one of these IP addresses, newest first. */
	List<AbuseReport> forService(String serviceId, List<String> ipAddresses) {
		return jdbc.sql("select " + COLUMNS + """
				 from abuse_report
				where service_id = :serviceId or ip_address = any(cast(:ips as text[]))
				   or service_ip_addresses && cast(:ips as text[])
				order by id desc limit 50
				""")
			.param("serviceId", serviceId)
			.param("ips", ipAddresses.toArray(String[]::new))
			.query(this::map)
			.list();
	}

	/** The customer's reports, newest first. */
	List<AbuseReport> forCustomer(String customerId) {
		return jdbc
			.sql("select " + COLUMNS + " from abuse_report where customer_id = :customer order by id desc limit 50")
			.param("customer", customerId)
			.query(this::map)
			.list();
	}

	void reviewed(long id, String outcome, String reviewer, String reason) {
		jdbc.sql("""
				update abuse_report set review_outcome = :outcome, reviewed_by = :reviewer, review_reason = :reason,
				       reviewed_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("outcome", outcome)
			.param("reviewer", reviewer)
			.param("reason", reason)
			.update();
	}

	private AbuseReport map(ResultSet row, int number) throws SQLException {
		return new AbuseReport(row.getLong("id"), row.getString("service_id"), row.getString("ip_address"),
				row.getString("customer_id"), row.getString("request_ref"),
				AbuseDetected.Category.valueOf(row.getString("category")),
				AbuseDetected.Severity.valueOf(row.getString("severity")), row.getString("evidence"),
				instant(row.getTimestamp("detected_at")), instant(row.getTimestamp("reported_at")),
				AbuseReport.Effect.valueOf(row.getString("effect")), row.getString("review_outcome"),
				row.getString("reviewed_by"), row.getString("review_reason"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
