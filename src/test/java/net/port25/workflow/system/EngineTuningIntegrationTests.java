package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

	private static boolean isEventBridge(Object listener) {
		return listener.getClass().getName().startsWith("org.camunda.bpm.spring.boot.starter.event.");
	}

}
