package net.port25.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import net.port25.bench.launch.EngineNode;
import net.port25.bench.launch.ManagedProcess;

/**
 * The faults of a run, one after the other at random moments while the traffic flows:
 * SIGKILL of an engine node (restarted at once), SIGKILL of the second node for good (the
 * first takes over its partitions), SIGKILL of the broker and {@code pg_ctl stop -m
 * immediate} of PostgreSQL (each restarted on the same data and port). After each, the
 * time until the engine applies events again is measured with {@link Probes}: from the
 * kill for an engine node, from the restart for the broker and the database (and their
 * time down is recorded beside).
 */
final class FaultInjector {

	enum Type {

		ENGINE_KILL, TAKEOVER, BROKER_KILL, DATABASE_RESTART

	}

	private static final Duration RESUME_TIMEOUT = Duration.ofMinutes(4);

	private final Cluster cluster;

	private final Probes probes;

	private final List<Type> schedule;

	private final Duration minGap;

	private final Duration maxGap;

	private final Random random;

	private final List<Map<String, Object>> done = Collections.synchronizedList(new ArrayList<>());

	FaultInjector(Cluster cluster, Probes probes, List<Type> schedule, Duration minGap, Duration maxGap,
			Random random) {
		this.cluster = cluster;
		this.probes = probes;
		this.schedule = schedule;
		this.minGap = minGap;
		this.maxGap = maxGap;
		this.random = random;
	}

	/**
	 * The engine kills, broker kills and database restarts in random order; with two
	 * nodes, the takeover (the second node killed for good) half-way through the engine
	 * kills.
	 */
	static List<Type> schedule(int engineKills, int brokerKills, int databaseRestarts, boolean twoNodes,
			Random random) {
		List<Type> schedule = new ArrayList<>();
		schedule.addAll(Collections.nCopies(engineKills, Type.ENGINE_KILL));
		schedule.addAll(Collections.nCopies(brokerKills, Type.BROKER_KILL));
		schedule.addAll(Collections.nCopies(databaseRestarts, Type.DATABASE_RESTART));
		Collections.shuffle(schedule, random);
		if (twoNodes) {
			int half = 0;
			int kills = 0;
			while (half < schedule.size() && kills < engineKills / 2) {
				if (schedule.get(half++) == Type.ENGINE_KILL) {
					kills++;
				}
			}
			schedule.add(half, Type.TAKEOVER);
		}
		return schedule;
	}

	CompletableFuture<Void> start() {
		return CompletableFuture.runAsync(this::run, (task) -> {
			Thread thread = new Thread(task, "faults");
			thread.setDaemon(true);
			thread.start();
		});
	}

	private void run() {
		try {
			inject();
		}
		catch (RuntimeException ex) {
			Faults.log("the fault injector failed: %s", ex);
			ex.printStackTrace();
			throw ex;
		}
	}

	private void inject() {
		for (Type type : this.schedule) {
			long gap = this.minGap.toMillis()
					+ (long) (this.random.nextDouble() * (this.maxGap.toMillis() - this.minGap.toMillis()));
			ManagedProcess.sleep(Duration.ofMillis(gap));
			Map<String, Object> fault = switch (type) {
				case ENGINE_KILL -> engineKill(false);
				case TAKEOVER -> engineKill(true);
				case BROKER_KILL -> brokerKill();
				case DATABASE_RESTART -> databaseRestart();
			};
			this.done.add(fault);
			Faults.log("fault %d/%d: %s", this.done.size(), this.schedule.size(), fault);
		}
	}

	private Map<String, Object> engineKill(boolean forGood) {
		List<EngineNode> up = this.cluster.nodesUp();
		EngineNode victim = forGood ? this.cluster.nodes().get(1) : up.get(this.random.nextInt(up.size()));
		Map<String, Object> fault = fault(forGood ? "takeover" : "engine-kill", victim.process().name());
		victim.kill();
		long killedAt = System.currentTimeMillis();
		CompletableFuture<Void> restart = forGood ? CompletableFuture.completedFuture(null)
				: CompletableFuture.runAsync(() -> this.cluster.restart(victim));
		if (forGood) {
			this.cluster.retire(victim);
		}
		long resume = this.probes.resumeAfter(killedAt, RESUME_TIMEOUT);
		restart.join();
		if (!forGood) {
			fault.put("restartSeconds", seconds(System.currentTimeMillis() - killedAt));
		}
		fault.put("nodesUp", this.cluster.nodesUp().size());
		fault.put("resumeSeconds", resume < 0 ? null : seconds(resume));
		return fault;
	}

	private Map<String, Object> brokerKill() {
		Map<String, Object> fault = fault("broker-kill", "kafka");
		long killedAt = System.currentTimeMillis();
		this.cluster.kafka().kill();
		ManagedProcess.sleep(Duration.ofMillis(500 + this.random.nextInt(2500)));
		this.cluster.kafka().start();
		return resumedAfterRestart(fault, killedAt);
	}

	private Map<String, Object> databaseRestart() {
		Map<String, Object> fault = fault("database-restart", "postgres");
		long stoppedAt = System.currentTimeMillis();
		this.cluster.postgres().stopImmediately();
		ManagedProcess.sleep(Duration.ofMillis(500 + this.random.nextInt(2500)));
		this.cluster.postgres().start();
		return resumedAfterRestart(fault, stoppedAt);
	}

	private Map<String, Object> resumedAfterRestart(Map<String, Object> fault, long downAt) {
		long restartedAt = System.currentTimeMillis();
		fault.put("downSeconds", seconds(restartedAt - downAt));
		long resume = this.probes.resumeAfter(restartedAt, RESUME_TIMEOUT);
		fault.put("resumeSeconds", resume < 0 ? null : seconds(resume));
		return fault;
	}

	private static Map<String, Object> fault(String type, String target) {
		Map<String, Object> fault = new LinkedHashMap<>();
		fault.put("type", type);
		fault.put("target", target);
		fault.put("at", java.time.Instant.now().toString());
		return fault;
	}

	List<Map<String, Object>> done() {
		return new ArrayList<>(this.done);
	}

	static double seconds(long millis) {
		return Math.round(millis / 100.0) / 10.0;
	}

}
