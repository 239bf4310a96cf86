package net.port25.workflow.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The request table on PostgreSQL agrees with the code about what a live request is. */
@IntegrationTest
class RequestRecordsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Requests requests;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theOneLiveRequestPerServiceIndexListsExactlyTheLiveStates() {
		String definition = indexDefinition("access_request_one_live_per_service");

		assertThat(definition).startsWith("CREATE UNIQUE INDEX").contains("(service_id)");
		assertThat(quotedStates(definition))
			.containsExactlyInAnyOrderElementsOf(AccessStatus.LIVE.stream().map(AccessStatus::name).toList());
	}

	@Test
	void theQueriesForLiveRequestsListTheSameStates() {
		assertThat(quotedStates(RequestRecords.LIVE))
			.containsExactlyInAnyOrderElementsOf(AccessStatus.LIVE.stream().map(AccessStatus::name).toList());
	}

	@Test
	void theQueryForGrantedAccessListsExactlyTheGrantedStates() {
		assertThat(quotedStates(RequestRecords.GRANTED)).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(AccessStatus.values()).filter(AccessStatus::isGranted).map(AccessStatus::name).toList());
	}

	@Test
	void theGrantedAddressesIndexListsExactlyTheGrantedStates() {
		String definition = indexDefinition("access_request_granted_ip_addresses");

		assertThat(definition).contains("USING gin (ip_addresses)");
		assertThat(quotedStates(definition)).containsExactlyInAnyOrderElementsOf(quotedStates(RequestRecords.GRANTED));
	}

	@Test
	void aStormsPollOfHundredsOfAddressesIsLookedUpInTheIndexOfGrantedRequests() {
		String[] addresses = IntStream.range(0, 400).mapToObj((n) -> "203.0.113." + (n % 256)).toArray(String[]::new);
		TransactionTemplate rolledBack = new TransactionTemplate(transactionManager);

		// a table of requests mostly in review, each with about a kilobyte of facts (as
		// the bench's), as PostgreSQL's statistics see it: without the index of granted
		// requests' addresses it read every request instead of searching the index of all
		// addresses 400 times (bench, 27,035 requests: 206 ms)
		List<String> plan = rolledBack.execute((status) -> {
			status.setRollbackOnly();
			jdbc.sql("""
					insert into access_request (request_ref, channel, customer_id, service_type, service_id, facts,
					    status, ip_addresses, created_at, updated_at, status_since)
					select 'REQ-PLAN-' || n, 'TICKET', 'C-PLAN', 'cMetal', 'SVC-PLAN-' || n,
					    jsonb_build_object('useCase', repeat('Mail server for our research group. ', 30)),
					    case when n % 100 = 0 then 'ENABLED' else 'IN_REVIEW' end,
					    array['198.18.' || (n / 256) || '.' || (n % 256)], now(), now(), now()
					from generate_series(1, 20000) n""").update();
			jdbc.sql("analyze access_request").update();
			return jdbc.sql("explain " + RequestRecords.FIND_GRANTED)
				.param("serviceIds", new String[] { "SVC-STORM" })
				.param("ips", addresses)
				.query(String.class)
				.list();
		});
		// the rows are gone, not the size the analysis wrote outside the transaction:
		// the tests after this one plan with the table as it is
		jdbc.sql("analyze access_request").update();

		assertThat(String.join("\n", plan)).contains("access_request_granted_ip_addresses").doesNotContain("Seq Scan");
	}

	@Test
	void everyAddressIndexIsSearchedWithoutAPendingList() {
		List<String> ginIndexes = jdbc.sql("""
				select c.relname from pg_class c join pg_am am on am.oid = c.relam
				where am.amname = 'gin' and c.relnamespace = current_schema()::regnamespace
				""").query(String.class).list();
		List<String> withPendingList = jdbc.sql("""
				select c.relname from pg_class c join pg_am am on am.oid = c.relam
				where am.amname = 'gin' and c.relnamespace = current_schema()::regnamespace
				  and not coalesce(c.reloptions @> array['fastupdate=off'], false)
				""").query(String.class).list();

		assertThat(ginIndexes).contains("access_request_ip_addresses", "access_request_approved_ip_addresses",
				"abuse_report_service_ip_addresses");
		assertThat(withPendingList).isEmpty();
	}

	private String indexDefinition(String index) {
		return jdbc.sql("select pg_get_indexdef(cast(:index as regclass))")
			.param("index", index)
			.query(String.class)
			.single();
	}

	private static List<String> quotedStates(String sql) {
		Matcher matcher = Pattern.compile("'([A-Z_]+)'").matcher(sql);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

	@Test
	void aLockedLiveRequestHoldsTheNextEventUntilTheFirstCommitsAndThenShowsWhatItLeft() throws Exception {
		String serviceId = "SVC-LOCK-" + System.nanoTime();
		String requestRef = "REQ-LOCK-" + System.nanoTime();
		jdbc.sql("""
				insert into access_request (request_ref, channel, customer_id, service_type, service_id, facts, status,
				    created_at, updated_at, status_since)
				values (:ref, 'TICKET', 'C-LOCK', 'cMetal', :serviceId, '{}', 'APPROVED', now(), now(), now())""")
			.param("ref", requestRef)
			.param("serviceId", serviceId)
			.update();
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch revoke = new CountDownLatch(1);

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult((status) -> {
			assertThat(requests.lockLive(serviceId, null)).isPresent();
			locked.countDown();
			awaitLatch(revoke);
			jdbc.sql("update access_request set status = 'REVOKED' where request_ref = :ref")
				.param("ref", requestRef)
				.update();
		}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Optional<RequestRecord>> second = CompletableFuture
			.supplyAsync(() -> transaction.execute((status) -> requests.lockLive(serviceId, null)));

		await().atMost(Duration.ofSeconds(10)).until(this::waitingForTheRowLock);
		assertThat(second).isNotDone();
		assertThat(requests.findLive(serviceId, null)).as("a plain read does not wait").isPresent();
		revoke.countDown();
		first.get(10, TimeUnit.SECONDS);

		assertThat(second.get(10, TimeUnit.SECONDS)).as("the request the first event revoked is no longer live")
			.isEmpty();
	}

	@Test
	void aTransactionReadsARequestOnceUntilItChangesIt() {
		String requestRef = insertApproved("REQ-READ-");
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult((status) -> {
			RequestRecord first = requests.get(requestRef);
			assertThat(requests.get(requestRef)).as("read again in the same transaction").isSameAs(first);

			requests.changeStatus(requestRef, AccessStatus.ENABLED, "test", null, null);
			assertThat(requests.get(requestRef).status()).isEqualTo(AccessStatus.ENABLED);

			requests.updateMissingFacts(requestRef, List.of(new MissingFact("hostname", "Which hostname?")));
			assertThat(requests.get(requestRef).missingFacts()).extracting(MissingFact::field)
				.containsExactly("hostname");
		});
		transaction.executeWithoutResult((status) -> assertThat(requests.get(requestRef).status())
			.as("the next transaction reads what the last one committed")
			.isEqualTo(AccessStatus.ENABLED));
		assertThat(requests.get(requestRef)).as("outside a transaction, every read goes to the database")
			.isNotSameAs(requests.get(requestRef));
	}

	@Test
	void aLiveRequestIsFoundByItsServiceByOneOfItsAddressesOrByEither() {
		String requestRef = insertApproved("REQ-LIVE-");
		String serviceId = "SVC-" + requestRef;
		jdbc.sql("update access_request set ip_addresses = array['192.0.2.10', '192.0.2.11'] where request_ref = :ref")
			.param("ref", requestRef)
			.update();

		assertThat(requests.findLive(serviceId, null)).map(RequestRecord::requestRef).contains(requestRef);
		assertThat(requests.findLive(null, "192.0.2.11")).map(RequestRecord::requestRef).contains(requestRef);
		assertThat(requests.findLive("SVC-OTHER-" + requestRef, "192.0.2.10")).map(RequestRecord::requestRef)
			.contains(requestRef);
		assertThat(requests.findLive(serviceId, "198.51.100.200")).map(RequestRecord::requestRef).contains(requestRef);
		assertThat(requests.findLive("SVC-OTHER-" + requestRef, null)).isEmpty();
		assertThat(requests.findLive(null, null)).isEmpty();
	}

	@Test
	void aWriteKeepsTheRowItReturnedSoTheNextReadAsksNothing() {
		String requestRef = insertApproved("REQ-WRITE-");
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult((status) -> {
			requests.get(requestRef);
			requests.changeStatus(requestRef, AccessStatus.ENABLED, "test", null, null);
			long scansAfterTheWrite = lookupsOfRequestsInThisTransaction();

			RequestRecord afterTheWrite = requests.get(requestRef);

			assertThat(lookupsOfRequestsInThisTransaction()).as("the read after the write")
				.isEqualTo(scansAfterTheWrite);
			assertThat(afterTheWrite.status()).isEqualTo(AccessStatus.ENABLED);
			assertThat(afterTheWrite.statusSince()).as("as PostgreSQL wrote it")
				.isEqualTo(jdbc.sql("select status_since from access_request where request_ref = :ref")
					.param("ref", requestRef)
					.query(Timestamp.class)
					.single()
					.toInstant());
		});
	}

	@Test
	void aTransactionReadsARequestsHistoryOnceUntilAnotherRequestIsWritten() {
		String earlier = insertApproved("REQ-EARLIER-");
		String current = insertApproved("REQ-CURRENT-");
		String serviceId = "SVC-" + earlier;
		// the earlier one ended first: one live request per service at every row
		for (String requestRef : List.of(earlier, current)) {
			jdbc.sql(
					"""
							update access_request set service_id = :serviceId, facts = jsonb_build_object('serviceId', :serviceId),
							       customer_id = :serviceId, status = case when request_ref = :earlier then 'REJECTED' else 'IN_REVIEW' end
							where request_ref = :requestRef""")
				.param("serviceId", serviceId)
				.param("earlier", earlier)
				.param("requestRef", requestRef)
				.update();
		}
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult((status) -> {
			RequestHistory first = requests.history(requests.get(current));
			assertThat(first.rejections()).isEqualTo(1);
			assertThat(requests.history(requests.get(current)).earlier()).as("read again in the same transaction")
				.isSameAs(first.earlier());
			requests.updateMissingFacts(current, List.of(new MissingFact("hostname", "Which hostname?")));
			assertThat(requests.history(requests.get(current)).earlier())
				.as("after a write of the request itself, which its history leaves out")
				.isSameAs(first.earlier());

			requests.changeStatus(earlier, AccessStatus.REVOKED, "test", null, null);

			RequestHistory afterTheWrite = requests.history(requests.get(current));
			assertThat(afterTheWrite.rejections()).isZero();
			assertThat(afterTheWrite.revocations()).isEqualTo(1);
		});
	}

	@Test
	void theSameMissingFactsOrFindingsAgainWriteNothing() {
		String requestRef = insertApproved("REQ-SAME-");
		List<MissingFact> missing = List.of(new MissingFact("hostname", "Which hostname?"));
		List<Finding> findings = List.of(new Finding("DKIM_NOT_CONFIGURED", Finding.Severity.WARNING, "No DKIM"));
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult((status) -> {
			requests.updateMissingFacts(requestRef, missing);
			requests.assessed(requestRef, findings);
			long updates = updatesOfRequestsInThisTransaction();

			requests.updateMissingFacts(requestRef, List.copyOf(missing));
			requests.assessed(requestRef, List.copyOf(findings));
			assertThat(updatesOfRequestsInThisTransaction()).as("the same again").isEqualTo(updates);

			requests.updateMissingFacts(requestRef, List.of());
			requests.assessed(requestRef, List.of());
			assertThat(updatesOfRequestsInThisTransaction()).as("changed").isEqualTo(updates + 2);
			assertThat(requests.get(requestRef).missingFacts()).isEmpty();
			assertThat(requests.get(requestRef).findings()).isEmpty();
		});
	}

	@Test
	void aLockingReadSeesWhatAnotherTransactionCommittedSinceTheFirstRead() {
		String requestRef = insertApproved("REQ-RELOCK-");
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		TransactionTemplate another = new TransactionTemplate(transactionManager);
		another.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);

		transaction.executeWithoutResult((status) -> {
			assertThat(requests.get(requestRef).status()).isEqualTo(AccessStatus.APPROVED);
			another.executeWithoutResult(
					(inner) -> jdbc.sql("update access_request set status = 'REVOKED' where request_ref = :ref")
						.param("ref", requestRef)
						.update());

			assertThat(requests.lock(requestRef)).map(RequestRecord::status).contains(AccessStatus.REVOKED);
			assertThat(requests.get(requestRef).status()).as("the locked row is the one kept")
				.isEqualTo(AccessStatus.REVOKED);
		});
	}

	private String insertApproved(String prefix) {
		String requestRef = prefix + System.nanoTime();
		jdbc.sql("""
				insert into access_request (request_ref, channel, customer_id, service_type, service_id, facts, status,
				    created_at, updated_at, status_since)
				values (:ref, 'TICKET', 'C-READ', 'cMetal', :serviceId, '{}', 'APPROVED', now(), now(), now())""")
			.param("ref", requestRef)
			.param("serviceId", "SVC-" + requestRef)
			.update();
		return requestRef;
	}

	/** Rows of the request table updated so far in the current transaction. */
	private long updatesOfRequestsInThisTransaction() {
		return requestTableInThisTransaction("n_tup_upd");
	}

	/**
	 * Index lookups (and scans) of the request table so far in the current transaction.
	 */
	private long lookupsOfRequestsInThisTransaction() {
		return requestTableInThisTransaction("idx_scan + seq_scan");
	}

	// counter: one of this class's own expressions over pg_stat_xact_user_tables
	private long requestTableInThisTransaction(String counter) {
		return jdbc.sql("select " + counter + " from pg_stat_xact_user_tables where relname = 'access_request'")
			.query(Long.class)
			.single();
	}

	private boolean waitingForTheRowLock() {
		return jdbc.sql("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and query like '%for update%'
				  and query not like '%pg_stat_activity%'""").query(Long.class).single() > 0;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
