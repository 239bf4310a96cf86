package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import net.port25.workflow.infrastructure.IntegrationTest;

/**
 * The settings the benchmark measured the engine with are the ones it runs with: the
 * driver turns the engine's batched inserts into multi-row statements, and the engine
 * publishes no Spring event for each of its steps.
 */
@IntegrationTest
class EngineTuningIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	ProcessEngineConfiguration configuration;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theDriverRewritesBatchedInsertsAsMultiRowStatements() {
		assertThat(dataSource).isInstanceOf(HikariDataSource.class);
		assertThat(((HikariDataSource) dataSource).getDataSourceProperties()).containsEntry("reWriteBatchedInserts",
				"true");
	}

	@Test
	void theEnginePublishesNoSpringEventsForItsExecutionsTasksOrHistory() {
		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;

		assertThat(engine.getCustomPreBPMNParseListeners()).noneMatch(EngineTuningIntegrationTests::isEventBridge);
		assertThat(engine.getCustomPostBPMNParseListeners()).noneMatch(EngineTuningIntegrationTests::isEventBridge);
		assertThat(engine.getCustomHistoryEventHandlers()).noneMatch(EngineTuningIntegrationTests::isEventBridge);
	}

	@Test
	void theJobExecutorFindsDueJobsByTheirDueDateNotByReadingEveryWaitingTimer() {
		assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = ?",
				String.class, JobAcquisitionIndexPlugin.INDEX))
			.singleElement(InstanceOfAssertFactories.STRING)
			.endsWith("(duedate_)");

		// the acquisition's condition on the due date, as Camunda writes it: with the
		// index PostgreSQL can answer it without reading the table
		List<String> plan = transaction.execute((status) -> {
			jdbc.execute("set local enable_seqscan = off");
			return jdbc.queryForList("explain select ID_ from ACT_RU_JOB RES where RES.RETRIES_ > 0"
					+ " and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now()) limit 3", String.class);
		});
		assertThat(String.join("\n", plan)).contains(JobAcquisitionIndexPlugin.INDEX);
	}

	private static boolean isEventBridge(Object listener) {
		return listener.getClass().getName().startsWith("org.camunda.bpm.spring.boot.starter.event.");
	}

}
