package net.port25.bench.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Baseline (b): the Camunda engine alone, on the same database server, at the project's
 * history level and id generator, from threads, no Kafka: instances started by a message
 * to a user task, and messages correlated to instances that wait for one (then a user
 * task).
 */
public final class CamundaEngineBaseline implements AutoCloseable {

	private final ProcessEngine engine;

	private final AtomicLong keys = new AtomicLong();

	public record Rates(double startsPerSecondOneThread, double startsPerSecond, double correlationsPerSecond,
			int threads) {
	}

	public CamundaEngineBaseline(String jdbcUrl, String user, String historyLevel) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setJdbcUrl(jdbcUrl);
		configuration.setJdbcDriver("org.postgresql.Driver");
		configuration.setJdbcUsername(user);
		configuration.setJdbcPassword("");
		configuration.setJdbcMaxActiveConnections(10);
		configuration.setDatabaseSchemaUpdate("true");
		configuration.setHistory(historyLevel);
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setJobExecutorActivate(false);
		configuration.setProcessEngineName("baseline");
		this.engine = configuration.buildProcessEngine();
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("bench-start.bpmn", startToUserTask())
			.addModelInstance("bench-correlate.bpmn", waitForMessage())
			.deploy();
	}

	public Rates measure(int instances, int threads) throws Exception {
		RuntimeService runtime = this.engine.getRuntimeService();
		Consumer<String> start = (key) -> runtime.createMessageCorrelation("benchStart")
			.processInstanceBusinessKey(key)
			.setVariable("requestRef", key)
			.correlateStartMessage();
		Consumer<String> correlate = (key) -> runtime.createMessageCorrelation("benchAnswer")
			.processInstanceBusinessKey(key)
			.setVariable("sourceEventId", key)
			.correlate();
		// warm-up: the JIT and the database's caches
		rate(start, instances / 4, threads);
		double oneThread = rate(start, instances / 2, 1);
		double starts = rate(start, instances, threads);
		List<String> waiting = new ArrayList<>();
		for (int i = 0; i < instances + instances / 4; i++) {
			String key = "W-" + this.keys.incrementAndGet();
			runtime.startProcessInstanceByKey("benchCorrelate", key);
			waiting.add(key);
		}
		rate(correlate, waiting.subList(0, instances / 4), threads);
		double correlations = rate(correlate, waiting.subList(instances / 4, waiting.size()), threads);
		return new Rates(oneThread, starts, correlations, threads);
	}

	private double rate(Consumer<String> action, int count, int threads) throws Exception {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			keys.add("S-" + this.keys.incrementAndGet());
		}
		return rate(action, keys, threads);
	}

	private static double rate(Consumer<String> action, List<String> keys, int threads) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				done.add(executor.submit(() -> {
					for (int i = offset; i < keys.size(); i += threads) {
						action.accept(keys.get(i));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
			return keys.size() / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static BpmnModelInstance startToUserTask() {
		return Bpmn.createExecutableProcess("benchStart")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.message("benchStart")
			.userTask("review")
			.camundaCandidateGroups("port25-reviewers")
			.endEvent()
			.done();
	}

	private static BpmnModelInstance waitForMessage() {
		return Bpmn.createExecutableProcess("benchCorrelate")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.intermediateCatchEvent()
			.message("benchAnswer")
			.userTask("review")
			.camundaCandidateGroups("port25-reviewers")
			.endEvent()
			.done();
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
