package net.port25.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import net.port25.bench.launch.CpuUsage;
import net.port25.bench.launch.StatementStatistics;
import net.port25.bench.load.Events;
import net.port25.bench.load.Lag;
import net.port25.bench.load.Latencies;
import net.port25.bench.load.Outputs;
import net.port25.bench.load.Staff;
import net.port25.bench.load.Traffic;

/**
 * The load scenarios of the issue, against whatever engine nodes consume the broker's
 * inbound topics. Each returns its numbers as a map, in the order the table prints them.
 */
final class Scenarios {

	private final Traffic traffic;

	private final Outputs outputs;

	private final Lag lag;

	private final AtomicLong sequence = new AtomicLong();

	// services the inventory knows: numbers up to this one
	private long seeded;

	private final Deque<Long> enabled = new ArrayDeque<>();

	private final CpuUsage cpu;

	private final StatementStatistics statements;

	Scenarios(Traffic traffic, Outputs outputs, Lag lag, CpuUsage cpu, StatementStatistics statements) {
		this.statements = statements;
		this.traffic = traffic;
		this.outputs = outputs;
		this.lag = lag;
		this.cpu = cpu;
	}

	/**
	 * {@code count} cMetal services whose access is enabled: submitted, approved by staff
	 * (engine REST), switched on by the customer.
	 */
	Map<String, Object> prepareEnabledServices(int count, Staff staff) {
		long started = System.nanoTime();
		seedInventory(count);
		List<Long> services = new ArrayList<>();
		Latencies inReview = new Latencies();
		for (int i = 0; i < count; i++) {
			long n = this.sequence.incrementAndGet();
			services.add(n);
			sendExpecting(Events.completeRequest(n), Outputs.accessChanged(Events.requestRef(n), "IN_REVIEW"),
					inReview);
		}
		this.traffic.flush();
		awaitOutcomes("prepared requests in review", Duration.ofSeconds(60 + count / 5));
		int approved = staff.approveAllReviews(4);
		Latencies enabling = new Latencies();
		for (long n : services) {
			sendExpecting(Events.toggle(n, true), Outputs.accessChanged(Events.requestRef(n), "ENABLED"), enabling);
		}
		this.traffic.flush();
		awaitOutcomes("prepared services enabled", Duration.ofSeconds(60 + count / 5));
		this.enabled.addAll(services);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("services", count);
		result.put("approvedByStaff", approved);
		result.put("seconds", seconds(started));
		return result;
	}

	/** {@code count} complete requests sent at once: how fast they reach IN_REVIEW. */
	Map<String, Object> drain(int count) {
		Latencies latencies = new Latencies();
		seedInventory(count);
		Map<String, Long> cpuBefore = this.cpu.snapshot();
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long n = this.sequence.incrementAndGet();
			sendExpecting(Events.completeRequest(n), Outputs.accessChanged(Events.requestRef(n), "IN_REVIEW"),
					latencies);
		}
		this.traffic.flush();
		boolean complete = this.outputs.awaitAll(Duration.ofSeconds(30 + count / 5));
		double elapsed = seconds(started);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("requests", count);
		result.put("seconds", elapsed);
		result.put("perSecond", round(count / elapsed));
		result.put("complete", complete);
		result.put("missing", this.outputs.forgetPending());
		result.put("cpuMsPerRequest", CpuUsage.perEvent(cpuBefore, this.cpu.snapshot(), count));
		return result;
	}

	/**
	 * One step of mixed load at {@code rate} events/s for {@code duration}: 70% new
	 * complete requests, 25% answers to info requests (their requests were submitted
	 * incomplete just before, at the same rate: the step's warm-up), 5% abuse reports for
	 * pending requests. Stops early if the lag grows past what the step could still
	 * drain.
	 */
	Map<String, Object> mixed(double rate, Duration duration) {
		seedInventory((long) Math.ceil(1.3 * rate * duration.toSeconds()) + 10);
		Deque<Long> awaitingInformation;
		try {
			awaitingInformation = prepareInformationRequests(rate, duration);
		}
		catch (IllegalStateException ex) {
			// the warm-up alone is more than the engine can take at this rate
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("offeredPerSecond", rate);
			result.put("warmUpFailed", ex.getMessage());
			result.put("lagFlat", false);
			this.outputs.forgetPending();
			this.lag.awaitZero(Duration.ofSeconds(180));
			return result;
		}
		Latencies latencies = new Latencies();
		List<Long> lagSamples = new ArrayList<>();
		AtomicBoolean overloaded = new AtomicBoolean();
		long lagAtStart = this.lag.inbound();
		Map<String, Long> cpuBefore = this.cpu.snapshot();
		this.statements.reset();
		long started = System.nanoTime();
		ScheduledExecutorService sampler = sampleLag(rate, lagSamples, overloaded);
		long[] lastComplete = { 0 };
		long sent;
		try {
			sent = this.traffic.sendAtRate(rate, duration,
					(i) -> sendMixed(i, awaitingInformation, lastComplete, latencies), overloaded::get);
		}
		finally {
			sampler.shutdownNow();
		}
		double elapsed = seconds(started);
		long lagAtEnd = this.lag.inbound();
		Map<String, Long> cpuAfter = this.cpu.snapshot();
		// every event consumed first: its outcome is then committed and leaves with the
		// relay's next pass, so what is still missing 30 s later is missing, not late (an
		// overloaded step used to wait 90 s for a handful before its backlog was read)
		this.lag.awaitZero(Duration.ofSeconds(60));
		boolean complete = this.outputs.awaitAll(Duration.ofSeconds(30));
		int missing = this.outputs.forgetPending();
		double achieved = (sent - (lagAtEnd - lagAtStart)) / elapsed;
		boolean flat = !overloaded.get() && lagAtEnd <= Math.max(2 * rate, 50) && complete;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("offeredPerSecond", rate);
		result.put("seconds", round(elapsed));
		result.put("sent", sent);
		result.put("achievedPerSecond", round(achieved));
		result.put("lagAtEnd", lagAtEnd);
		result.put("lagSamples", lagSamples);
		result.put("stoppedEarly", overloaded.get());
		result.put("latencyMs", latencies.summary());
		result.put("missingOutcomes", missing);
		result.put("lagFlat", flat);
		long applied = Math.max(1, sent - (lagAtEnd - lagAtStart));
		result.put("cpuMsPerEvent", CpuUsage.perEvent(cpuBefore, cpuAfter, applied));
		// counted once every event sent has had its effect (awaitAll above)
		result.put("database", this.statements.perEvent(Math.max(1, sent)));
		return result;
	}

	/**
	 * Critical abuse for enabled services at {@code abuseRate}/s on top of mixed load at
	 * {@code backgroundRate}: the time from each abuse event to its port-close command.
	 */
	Map<String, Object> revocation(double backgroundRate, double abuseRate, Duration duration) {
		seedInventory((long) Math.ceil(1.3 * backgroundRate * duration.toSeconds()) + 10);
		Deque<Long> awaitingInformation = prepareInformationRequests(backgroundRate, duration);
		Latencies revocations = new Latencies();
		Latencies background = new Latencies();
		long[] lastComplete = { 0 };
		Thread mixed = new Thread(() -> this.traffic.sendAtRate(backgroundRate, duration,
				(i) -> sendMixed(i, awaitingInformation, lastComplete, background)), "background");
		mixed.start();
		long critical = this.traffic.sendAtRate(abuseRate, duration, (i) -> revokeOne(revocations));
		join(mixed);
		boolean complete = this.outputs.awaitAll(Duration.ofSeconds(90));
		int missing = this.outputs.forgetPending();
		this.lag.awaitZero(Duration.ofSeconds(60));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("backgroundPerSecond", backgroundRate);
		result.put("abusePerSecond", abuseRate);
		result.put("seconds", duration.toSeconds());
		result.put("revocations", critical);
		result.put("latencyMs", revocations.summary());
		result.put("backgroundLatencyMs", background.summary());
		result.put("complete", complete);
		result.put("missingOutcomes", missing);
		return result;
	}

	/**
	 * {@code count} abuse events within {@code within}: 99% for addresses without access,
	 * 1% critical for enabled services. Time until all are consumed and every
	 * revocation's port-close command is out.
	 */
	Map<String, Object> storm(int count, Duration within) {
		Latencies revocations = new Latencies();
		Map<String, Long> cpuBefore = this.cpu.snapshot();
		this.statements.reset();
		long started = System.nanoTime();
		long sent = this.traffic.sendAtRate(count * 1000.0 / within.toMillis(), within, (i) -> {
			if (i % 100 == 99) {
				revokeOne(revocations);
			}
			else {
				this.traffic.send(Events.abuseWithoutAccess(i));
			}
		});
		double sendSeconds = seconds(started);
		boolean drained = this.lag.awaitZero(Duration.ofSeconds(120));
		boolean complete = this.outputs.awaitAll(Duration.ofSeconds(30));
		double drainSeconds = seconds(started);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("events", sent);
		result.put("sentInSeconds", round(sendSeconds));
		result.put("drainedInSeconds", round(drainSeconds));
		result.put("drainedPerSecond", round(sent / drainSeconds));
		result.put("drained", drained && complete);
		result.put("revocations", revocations.count());
		result.put("latencyMs", revocations.summary());
		result.put("missingOutcomes", this.outputs.forgetPending());
		result.put("cpuMsPerEvent", CpuUsage.perEvent(cpuBefore, this.cpu.snapshot(), sent));
		result.put("database", this.statements.perEvent(Math.max(1, sent)));
		return result;
	}

	/**
	 * The provisioning system's records of the next {@code count} services (beyond those
	 * the sequence has used), applied by the engine before any request names them.
	 */
	private void seedInventory(long count) {
		long from = Math.max(this.seeded, this.sequence.get());
		for (long n = from + 1; n <= from + count; n++) {
			this.traffic.send(Events.serviceActive(n));
		}
		this.seeded = from + count;
		this.traffic.flush();
		if (!this.lag.awaitZero(Duration.ofSeconds(120 + count / 50))) {
			throw new IllegalStateException("The engine did not apply " + count + " inventory records in time");
		}
	}

	long appliedTwice() {
		return this.outputs.appliedTwice();
	}

	private void sendMixed(long i, Deque<Long> awaitingInformation, long[] lastComplete, Latencies latencies) {
		int slot = (int) (i % 20);
		if (slot < 14 || (slot < 19 && awaitingInformation.isEmpty())) {
			long n = this.sequence.incrementAndGet();
			lastComplete[0] = n;
			sendExpecting(Events.completeRequest(n), Outputs.accessChanged(Events.requestRef(n), "IN_REVIEW"),
					latencies);
		}
		else if (slot < 19) {
			long n = awaitingInformation.poll();
			sendExpecting(Events.informationProvided(n), Outputs.accessChanged(Events.requestRef(n), "IN_REVIEW"),
					latencies);
		}
		else {
			// a pending request (the last new one) gets a finding for its reviewer
			this.traffic.send(Events.abuse(lastComplete[0], "low"));
		}
	}

	private void revokeOne(Latencies latencies) {
		Long n = this.enabled.poll();
		if (n == null) {
			throw new IllegalStateException("No enabled service left to revoke: prepare more");
		}
		sendExpecting(Events.abuse(n, "critical"), Outputs.portClosed(Events.requestRef(n)), latencies);
	}

	/** Incomplete requests for the answers of a step, sent at its rate and awaited. */
	private Deque<Long> prepareInformationRequests(double rate, Duration duration) {
		int count = (int) Math.ceil(0.25 * rate * duration.toSeconds());
		Deque<Long> awaiting = new ArrayDeque<>();
		Latencies ignored = new Latencies();
		this.traffic.sendAtRate(rate, Duration.ofMillis((long) (count * 1000 / rate)), (i) -> {
			long n = this.sequence.incrementAndGet();
			awaiting.add(n);
			sendExpecting(Events.incompleteRequest(n), Outputs.accessChanged(Events.requestRef(n), "INFO_REQUESTED"),
					ignored);
		});
		awaitOutcomes("info requests of the warm-up", Duration.ofSeconds(60 + count / 20));
		this.lag.awaitZero(Duration.ofSeconds(60));
		return awaiting;
	}

	private ScheduledExecutorService sampleLag(double rate, List<Long> samples, AtomicBoolean overloaded) {
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		long started = System.nanoTime();
		sampler.scheduleAtFixedRate(() -> {
			long current = this.lag.inbound();
			synchronized (samples) {
				samples.add(current);
			}
			// more than 5 s of backlog after the first 10 s: the step cannot be sustained
			if (seconds(started) > 10 && current > 5 * rate + 100) {
				overloaded.set(true);
			}
		}, 5, 5, TimeUnit.SECONDS);
		return sampler;
	}

	private void sendExpecting(Events.Event event, String outcome, Latencies latencies) {
		long now = System.currentTimeMillis();
		this.outputs.expect(outcome, now, latencies);
		this.traffic.send(event, now);
	}

	private void awaitOutcomes(String what, Duration timeout) {
		if (!this.outputs.awaitAll(timeout)) {
			throw new IllegalStateException(this.outputs.pending() + " " + what + " did not arrive within " + timeout);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static double seconds(long startedNanos) {
		return round((System.nanoTime() - startedNanos) / 1e9);
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
