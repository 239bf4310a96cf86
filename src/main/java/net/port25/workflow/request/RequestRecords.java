package net.port25.workflow.request;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.ReadInTransaction;
import net.port25.workflow.access.ReasonCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The request records in PostgreSQL; every method joins the caller's (the engine's)
 * transaction.
 */
@Repository
class RequestRecords {

	private static final String COLUMNS = """
			request_ref, channel, customer_id, facts, status, missing_facts, findings, created_at,
			approved_ip_addresses, reason_code, status_since""";

	/** What a write returns: the request as it is now written. */
	private static final String RETURNING = " returning " + COLUMNS;

	/**
	 * The live states, as the partial unique index
	 * {@code access_request_one_live_per_service} lists them.
	 */
	static final String LIVE = statusIn(AccessStatus::isLive);

	/** The states of granted access. */
	static final String GRANTED = statusIn(AccessStatus::isGranted);

	/**
	 * The granted requests that hold one of the service ids or addresses: its address arm
	 * is answered by the index of granted requests' addresses
	 * ({@code access_request_granted_ip_addresses}).
	 */
	static final String FIND_GRANTED = "select service_id, ip_addresses from access_request where " + GRANTED
			+ " and (service_id = any(cast(:serviceIds as text[])) or ip_addresses && cast(:ips as text[]))";

	// cast: PostgreSQL cannot infer the type of a parameter that is only compared with
	// null
	private static final String SEARCH = """
			(cast(:customerId as text) is null or customer_id = :customerId)
			and (cast(:serviceId as text) is null or service_id = :serviceId)
			and (cast(:status as text) is null or status = :status)""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	/** Each request read once per transaction; a write keeps the row it returns. */
	private final ReadInTransaction<RequestRecord> readInTransaction = new ReadInTransaction<>();

	/**
	 * The earlier requests of a request, read once per transaction until another request
	 * is written: the risk assessment and the review brief of one event both show them.
	 */
	private final ReadInTransaction<List<RequestRecord>> histories = new ReadInTransaction<>();

	RequestRecords(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(RequestRecord record) {
		Timestamp now = Timestamp.from(Instant.now());
		written(record.requestRef(), jdbc.sql("""
				insert into access_request (request_ref, channel, customer_id, service_type, service_id, ip_addresses,
				                            facts, status, created_at, updated_at, status_since)
				values (:ref, :channel, :customer, :serviceType, :serviceId, :ips, cast(:facts as jsonb), :status,
				        :now, :now, :now)
				""" + RETURNING)
			.param("ref", record.requestRef())
			.param("channel", record.channel().name())
			.param("customer", record.customerId())
			.param("serviceType", record.serviceType() == null ? null : record.serviceType().name())
			.param("serviceId", record.serviceId())
			.param("ips", record.ipAddresses().toArray(String[]::new))
			.param("facts", write(record.facts()))
			.param("status", record.status().name())
			.param("now", now));
	}

	Optional<RequestRecord> find(String requestRef) {
		return readInTransaction.find(requestRef, (ref) -> find(ref, ""));
	}

	Optional<RequestRecord> lock(String requestRef) {
		return readInTransaction.keep(find(requestRef, " for update"), RequestRecord::requestRef);
	}

	private Optional<RequestRecord> find(String requestRef, String lock) {
		return jdbc.sql("select " + COLUMNS + " from access_request where request_ref = :ref" + lock)
			.param("ref", requestRef)
			.query(this::map)
			.optional();
	}

	Optional<RequestRecord> findLive(String serviceId, String ipAddress) {
		return findLive(serviceId, ipAddress, "");
	}

	Optional<RequestRecord> lockLive(String serviceId, String ipAddress) {
		return readInTransaction.keep(findLive(serviceId, ipAddress, " for update"), RequestRecord::requestRef);
	}

	private Optional<RequestRecord> findLive(String serviceId, String ipAddress, String lock) {
		return jdbc
			.sql("select " + COLUMNS + " from access_request where " + LIVE + " and " + matching(serviceId, ipAddress)
					+ " order by created_at desc limit 1" + lock)
			.param("serviceId", serviceId)
			.param("ip", ipAddress)
			.query(this::map)
			.optional();
	}

	/**
	 * The service or the address, whichever is given. A query for the service alone is
	 * planned once and its plan kept, where PostgreSQL plans the "or" of both again at
	 * every execution (its plans for the given values look cheaper than a general one:
	 * 0.15 ms of planning for each submission). "ip_addresses @> array[ip]", not "ip =
	 * any(ip_addresses)": only the former can use the GIN index, so that both arms use an
	 * index (BitmapOr) instead of a scan of every request (bench: 86 ms on 13,000 rows).
	 */
	private static String matching(String serviceId, String ipAddress) {
		String service = "service_id = :serviceId";
		String address = "ip_addresses @> array[cast(:ip as text)]";
		if (ipAddress == null) {
			return service;
		}
		return (serviceId == null) ? address : "(" + service + " or " + address + ")";
	}

	/**
	 * The service ids and IP addresses among these that a granted request holds, matched
	 * as {@link #findLive} matches: one query for many reports.
	 */
	GrantedServices findGranted(Collection<String> serviceIds, Collection<String> ipAddresses) {
		Set<String> services = new HashSet<>();
		Set<String> addresses = new HashSet<>();
		jdbc.sql(FIND_GRANTED)
			.param("serviceIds", serviceIds.toArray(String[]::new))
			.param("ips", ipAddresses.toArray(String[]::new))
			.query((row) -> {
				services.add(row.getString(1));
				addresses.addAll(strings(row.getArray(2)));
			});
		services.retainAll(serviceIds);
		addresses.retainAll(ipAddresses);
		return new GrantedServices(services, addresses);
	}

	Optional<RequestRecord> findLatest(String serviceId) {
		return jdbc.sql("select " + COLUMNS
				+ " from access_request where service_id = :serviceId order by created_at desc, request_ref limit 1")
			.param("serviceId", serviceId)
			.query(this::map)
			.optional();
	}

	Optional<RequestRecord> findLatest(String serviceId, String customerId) {
		return jdbc.sql("select " + COLUMNS + """
				 from access_request where service_id = :serviceId and customer_id = :customer
				order by created_at desc, request_ref limit 1
				""").param("serviceId", serviceId).param("customer", customerId).query(this::map).optional();
	}

	List<RequestRecord> search(String customerId, String serviceId, AccessStatus status, int offset, int limit) {
		return jdbc
			.sql("select " + COLUMNS + " from access_request where " + SEARCH
					+ " order by created_at desc, request_ref limit :limit offset :offset")
			.params(searchCriteria(customerId, serviceId, status))
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	long count(String customerId, String serviceId, AccessStatus status) {
		return jdbc.sql("select count(*) from access_request where " + SEARCH)
			.params(searchCriteria(customerId, serviceId, status))
			.query(Long.class)
			.single();
	}

	/**
	 * The other requests for the same service, for one of the same IP addresses, or of
	 * the same customer, newest first.
	 */
	List<RequestRecord> findEarlier(RequestRecord record, int limit) {
		String key = historyKeyPrefix(record.requestRef()) + String.join("|", String.valueOf(record.serviceId()),
				String.join(",", record.ipAddresses()), record.customerId(), String.valueOf(limit));
		return histories.find(key, (ignored) -> Optional.of(List.copyOf(readEarlier(record, limit)))).orElseThrow();
	}

	private static String historyKeyPrefix(String requestRef) {
		return requestRef + "|";
	}

	private List<RequestRecord> readEarlier(RequestRecord record, int limit) {
		return jdbc
			.sql("select " + COLUMNS
					+ """
							 from access_request
							where request_ref <> :ref
							  and (service_id = :serviceId or ip_addresses && cast(:ips as text[]) or approved_ip_addresses && cast(:ips as text[])
							       or customer_id = :customer)
							order by created_at desc, request_ref limit :limit
							""")
			.param("ref", record.requestRef())
			.param("serviceId", record.serviceId())
			.param("ips", record.ipAddresses().toArray(String[]::new))
			.param("customer", record.customerId())
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	void updateFacts(String requestRef, RequestFacts facts) {
		written(requestRef, jdbc.sql("""
				update access_request set facts = cast(:facts as jsonb), service_type = :serviceType,
				       service_id = :serviceId, ip_addresses = :ips, updated_at = now()
				where request_ref = :ref
				""" + RETURNING)
			.param("ref", requestRef)
			.param("facts", write(facts))
			.param("serviceType", facts.serviceType() == null ? null : facts.serviceType().name())
			.param("serviceId", facts.serviceId())
			.param("ips", facts.ipAddresses() == null ? new String[0] : facts.ipAddresses().toArray(String[]::new)));
	}

	void updateStatus(String requestRef, AccessStatus status, ReasonCode reasonCode) {
		written(requestRef,
				jdbc.sql("""
						update access_request set status = :status, reason_code = :reasonCode, status_since = now(),
						       updated_at = now()
						where request_ref = :ref
						""" + RETURNING)
					.param("ref", requestRef)
					.param("status", status.name())
					.param("reasonCode", reasonCode == null ? null : reasonCode.name()));
	}

	/**
	 * The service id and IP addresses as they are now are the ones approved, from now on.
	 */
	void freezeApprovedFacts(String requestRef) {
		written(requestRef, jdbc.sql("""
				update access_request set approved_service_id = service_id, approved_ip_addresses = ip_addresses,
				       approved_at = now(), updated_at = now()
				where request_ref = :ref
				""" + RETURNING).param("ref", requestRef));
	}

	void updateMissingFacts(String requestRef, List<MissingFact> missingFacts) {
		updateJson(requestRef, "missing_facts", missingFacts);
	}

	void updateFindings(String requestRef, List<Finding> findings) {
		updateJson(requestRef, "findings", findings);
	}

	// column: one of this class's own constants, never input
	private void updateJson(String requestRef, String column, Object value) {
		written(requestRef,
				jdbc.sql("update access_request set " + column + " = cast(:value as jsonb), updated_at = now() "
						+ "where request_ref = :ref" + RETURNING)
					.param("ref", requestRef)
					.param("value", write(value)));
	}

	/**
	 * Writes the request and keeps the row the write returns: the steps after it read the
	 * request as written without asking PostgreSQL again. The histories of other requests
	 * read in this transaction are forgotten, as any of them may hold this one; its own
	 * leaves it out.
	 */
	private void written(String requestRef, JdbcClient.StatementSpec write) {
		readInTransaction.forget(requestRef);
		histories.forgetIf((key) -> !key.startsWith(historyKeyPrefix(requestRef)));
		readInTransaction.keep(write.query(this::map).optional(), RequestRecord::requestRef);
	}

	private static Map<String, Object> searchCriteria(String customerId, String serviceId, AccessStatus status) {
		// HashMap: the values may be null, which is what "any" means in SEARCH
		Map<String, Object> criteria = new HashMap<>();
		criteria.put("customerId", customerId);
		criteria.put("serviceId", serviceId);
		criteria.put("status", status == null ? null : status.name());
		return criteria;
	}

	private RequestRecord map(ResultSet row, int number) throws SQLException {
		return new RequestRecord(row.getString("request_ref"), Channel.valueOf(row.getString("channel")),
				row.getString("customer_id"), read(row.getString("facts"), new TypeReference<RequestFacts>() {
				}), AccessStatus.valueOf(row.getString("status")),
				read(row.getString("missing_facts"), new TypeReference<List<MissingFact>>() {
				}), read(row.getString("findings"), new TypeReference<List<Finding>>() {
				}), row.getTimestamp("created_at").toInstant(), strings(row.getArray("approved_ip_addresses")),
				row.getString("reason_code") == null ? null : ReasonCode.valueOf(row.getString("reason_code")),
				row.getTimestamp("status_since").toInstant());
	}

	private static String statusIn(Predicate<AccessStatus> states) {
		return Arrays.stream(AccessStatus.values())
			.filter(states)
			.map((status) -> "'" + status.name() + "'")
			.collect(Collectors.joining(", ", "status in (", ")"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : List.of((String[]) array.getArray());
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot store " + value, ex);
		}
	}

	private <T> T read(String value, TypeReference<T> type) {
		try {
			return json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable stored value " + value, ex);
		}
	}

}
