package net.port25.workflow.audit;

import java.util.Optional;

/**
 * Where what is being applied on this thread came from, as the Kafka edge verified it:
 * the CloudEvent {@code source}, checked against the sources allowed to send that event.
 * The audit trail records it beside the actor, which is only what the event claims
 * ("customer C-1"), so that a reader can tell who said so from whom it names. Bound for
 * the duration of one event's transaction; nothing is bound for the REST API, staff tasks
 * and timers, whose actors are authenticated or the engine itself.
 */
public final class VerifiedSource {

	private static final ThreadLocal<String> current = new ThreadLocal<>();

	private VerifiedSource() {
	}

	/**
	 * Runs {@code work} with {@code source} as the verified source of what it records.
	 */
	public static void during(String source, Runnable work) {
		String outer = current.get();
		current.set(source);
		try {
			work.run();
		}
		finally {
			if (outer == null) {
				current.remove();
			}
			else {
				current.set(outer);
			}
		}
	}

	static Optional<String> current() {
		return Optional.ofNullable(current.get());
	}

}
