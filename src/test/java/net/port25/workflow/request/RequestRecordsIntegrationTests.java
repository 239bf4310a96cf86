package net.port25.workflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The request table on PostgreSQL agrees with the code about what a live request is. */
@IntegrationTest
class RequestRecordsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOneLiveRequestPerServiceIndexListsExactlyTheLiveStates() {
		String definition = jdbc.sql("select pg_get_indexdef('access_request_one_live_per_service'::regclass)")
			.query(String.class)
			.single();

		assertThat(definition).startsWith("CREATE UNIQUE INDEX").contains("(service_id)");
		assertThat(quotedStates(definition))
			.containsExactlyInAnyOrderElementsOf(AccessStatus.LIVE.stream().map(AccessStatus::name).toList());
	}

	@Test
	void theQueriesForLiveRequestsListTheSameStates() {
		assertThat(quotedStates(RequestRecords.LIVE))
			.containsExactlyInAnyOrderElementsOf(AccessStatus.LIVE.stream().map(AccessStatus::name).toList());
	}

	private static List<String> quotedStates(String sql) {
		Matcher matcher = Pattern.compile("'([A-Z_]+)'").matcher(sql);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

}
