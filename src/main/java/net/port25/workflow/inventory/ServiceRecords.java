package net.port25.workflow.inventory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import net.port25.workflow.access.ReadInTransaction;
import net.port25.workflow.access.ServiceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inventory's copy in PostgreSQL; joins the caller's transaction. */
@Repository
class ServiceRecords {

	private final JdbcClient jdbc;

	/** Each service read once per transaction until it is saved. */
	private final ReadInTransaction<ServiceRecord> readInTransaction = new ReadInTransaction<>();

	ServiceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ServiceRecord> find(String serviceId) {
		return readInTransaction.find(serviceId, this::read);
	}

	private Optional<ServiceRecord> read(String serviceId) {
		return jdbc.sql("""
				select service_id, service_type, customer_id, ip_addresses, status, at
				from service_inventory where service_id = :serviceId
				""").param("serviceId", serviceId).query(this::map).optional();
	}

	/**
	 * Locks the service's row, if there is one, so that two changes of one service apply
	 * one after the other.
	 */
	Optional<ServiceRecord> findForUpdate(String serviceId) {
		return readInTransaction.keep(jdbc.sql("""
				select service_id, service_type, customer_id, ip_addresses, status, at
				from service_inventory where service_id = :serviceId for update
				""").param("serviceId", serviceId).query(this::map).optional(), ServiceRecord::serviceId);
	}

	void save(ServiceRecord record, String sourceEventId) {
		readInTransaction.forget(record.serviceId());
		jdbc.sql("""
				insert into service_inventory (service_id, service_type, customer_id, ip_addresses, status, at,
				                               source_event_id, updated_at)
				values (:serviceId, :type, :customer, :ips, :status, :at, :event, now())
				on conflict (service_id) do update set service_type = excluded.service_type,
				    customer_id = excluded.customer_id, ip_addresses = excluded.ip_addresses,
				    status = excluded.status, at = excluded.at, source_event_id = excluded.source_event_id,
				    updated_at = now()
				""")
			.param("serviceId", record.serviceId())
			.param("type", record.serviceType().name())
			.param("customer", record.customerId())
			.param("ips", record.ipAddresses().toArray(String[]::new))
			.param("status", record.status().name())
			.param("at", Timestamp.from(record.at()))
			.param("event", sourceEventId)
			.update();
	}

	boolean isEmpty() {
		return jdbc.sql("select not exists (select 1 from service_inventory)").query(Boolean.class).single();
	}

	private ServiceRecord map(ResultSet row, int number) throws SQLException {
		Array ips = row.getArray("ip_addresses");
		return new ServiceRecord(row.getString("service_id"), ServiceType.valueOf(row.getString("service_type")),
				row.getString("customer_id"), ips == null ? List.of() : List.of((String[]) ips.getArray()),
				ServiceStatus.valueOf(row.getString("status")), row.getTimestamp("at").toInstant());
	}

}
