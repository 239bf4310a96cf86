package net.port25.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.port25.bench.load.Events;
import net.port25.bench.load.Latencies;
import net.port25.bench.load.Outputs;
import net.port25.bench.load.Traffic;

/**
 * Whether the engine applies events again: one complete request sent to each partition of
 * {@code port25.requests} (services the inventory knows from the start), and the time
 * from a given moment until the last of them is in review on
 * {@code port25.access.changes}. With a partition each, no partition can be left behind
 * (a node killed, its partitions not yet taken over).
 */
final class Probes {

	private final Traffic traffic;

	private final Outputs outputs;

	private final int partitions;

	private final AtomicLong next;

	private final long last;

	private final List<Long> all = new ArrayList<>();

	Probes(Traffic traffic, Outputs outputs, int partitions, long first, long count) {
		this.traffic = traffic;
		this.outputs = outputs;
		this.partitions = partitions;
		this.next = new AtomicLong(first);
		this.last = first + count;
	}

	/**
	 * The services of every probe there may be (their inventory records are sent first).
	 */
	static List<Events.Event> inventory(long first, long count) {
		List<Events.Event> records = new ArrayList<>();
		for (long n = first; n < first + count; n++) {
			records.add(Events.serviceActive(n));
		}
		return records;
	}

	/**
	 * Sends a probe to each partition and waits for them: milliseconds from {@code since}
	 * until the last is applied, or -1 if one was not within {@code timeout}.
	 */
	long resumeAfter(long since, Duration timeout) {
		List<String> outcomes = new ArrayList<>();
		Latencies latencies = new Latencies();
		for (int partition = 0; partition < this.partitions; partition++) {
			long n = this.next.getAndIncrement();
			if (n >= this.last) {
				throw new IllegalStateException("no probe services left");
			}
			this.all.add(n);
			String outcome = Outputs.accessChanged(Events.requestRef(n), "IN_REVIEW");
			outcomes.add(outcome);
			this.outputs.expect(outcome, since, latencies);
			this.traffic.sendTo(Events.completeRequest(n), partition);
		}
		this.traffic.flush();
		if (!this.outputs.awaitEach(outcomes, timeout)) {
			return -1;
		}
		return latencies.summary().get("max");
	}

	/** The requests the probes made (each must end in review). */
	List<String> refs() {
		return this.all.stream().map(Events::requestRef).toList();
	}

}
