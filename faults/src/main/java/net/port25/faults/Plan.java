package net.port25.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.port25.bench.load.Events;
import net.port25.bench.load.Events.Event;

/**
 * The traffic of a fault run and its reference model: requests of every kind the contract
 * knows, each a sequence of inbound events in phases (staff act between them), and the
 * state and port commands those events imply. A tenth of the events are sent a second
 * time under the same id, later in the same phase.
 */
final class Plan {

	/**
	 * Phases: the inventory first, then what staff and the customer do in turn; staff
	 * approve after {@link #SUBMISSIONS}, the NOC opens cVirtual ports after
	 * {@link #ANSWERS}.
	 */
	static final int INVENTORY = 0, SUBMISSIONS = 1, ANSWERS = 2, ENDINGS = 3, PHASES = 4;

	/** What happens to a request, and what its events imply. */
	enum Kind {

		/** complete; a toggle while in review is refused */
		REVIEW("IN_REVIEW", 0, 0),
		/** incomplete, then the answers */
		INFO_ANSWERED("IN_REVIEW", 0, 0),
		/** incomplete, then withdrawn */
		WITHDRAWN("WITHDRAWN", 0, 0),
		/** approved, switched on, switched off */
		TOGGLED("DISABLED", 1, 1),
		/** approved, switched on, revoked on high or critical abuse */
		ABUSE_REVOKED("REVOKED", 1, 1),
		/**
		 * approved, switched on, low or medium abuse: a staff abuse review, still enabled
		 */
		ABUSE_REVIEWED("ENABLED", 1, 0),
		/** approved, switched on, the service released: revoked */
		RELEASED("REVOKED", 1, 1),
		/** cVirtual: approved, opened by the NOC, revoked on critical abuse */
		OPENED_BY_STAFF("REVOKED", 0, 1),
		/** abuse for an address that has no access: recorded, no other effect */
		NO_ACCESS(null, 0, 0);

		final String finalStatus;

		final int portOpens;

		final int portCloses;

		Kind(String finalStatus, int portOpens, int portCloses) {
			this.finalStatus = finalStatus;
			this.portOpens = portOpens;
			this.portCloses = portCloses;
		}

		boolean approved() {
			return this == TOGGLED || this == ABUSE_REVOKED || this == ABUSE_REVIEWED || this == RELEASED
					|| this == OPENED_BY_STAFF;
		}

	}

	/** One request (or, for {@link Kind#NO_ACCESS}, one abuse report) of the run. */
	record Request(long n, Kind kind) {

		String ref() {
			return Events.requestRef(this.n);
		}

	}

	final List<Request> requests = new ArrayList<>();

	/** The records to send in each phase, duplicates included. */
	final List<List<Event>> phases = new ArrayList<>();

	/** The distinct events of each phase (what the engine must claim once each). */
	final List<List<Event>> unique = new ArrayList<>();

	private Plan() {
		for (int i = 0; i < PHASES; i++) {
			this.phases.add(new ArrayList<>());
			this.unique.add(new ArrayList<>());
		}
	}

	/**
	 * About {@code events} records in all (a tenth of them repeated ids), for requests
	 * numbered from {@code first}.
	 */
	static Plan of(int events, long first, double duplicateShare, Random random) {
		Plan plan = new Plan();
		Kind[] kinds = Kind.values();
		long n = first;
		int unique = 0;
		while (unique * (1 + duplicateShare) < events) {
			Request request = new Request(n, kinds[(int) ((n - first) % kinds.length)]);
			n++;
			plan.requests.add(request);
			unique += plan.add(request, random);
		}
		int duplicates = events - unique;
		for (int phase = 0; phase < PHASES; phase++) {
			plan.phases.get(phase).addAll(plan.unique.get(phase));
		}
		for (int i = 0; i < duplicates; i++) {
			int phase = random.nextInt(PHASES);
			List<Event> distinct = plan.unique.get(phase);
			if (distinct.isEmpty()) {
				i--;
				continue;
			}
			int original = random.nextInt(distinct.size());
			List<Event> sent = plan.phases.get(phase);
			int at = sent.indexOf(distinct.get(original)) + 1;
			sent.add(at + random.nextInt(sent.size() - at + 1), distinct.get(original));
		}
		return plan;
	}

	private int add(Request request, Random random) {
		long n = request.n();
		int before = this.unique.stream().mapToInt(List::size).sum();
		switch (request.kind()) {
			case REVIEW -> {
				add(INVENTORY, Events.serviceActive(n));
				add(SUBMISSIONS, Events.completeRequest(n));
				add(ANSWERS, Events.toggle(n, true));
			}
			case INFO_ANSWERED -> {
				add(INVENTORY, Events.serviceActive(n));
				add(SUBMISSIONS, Events.incompleteRequest(n));
				add(ANSWERS, Events.informationProvided(n));
			}
			case WITHDRAWN -> {
				add(INVENTORY, Events.serviceActive(n));
				add(SUBMISSIONS, Events.incompleteRequest(n));
				add(ANSWERS, Events.withdrawn(n));
			}
			case TOGGLED -> {
				switchedOn(n);
				add(ENDINGS, Events.toggle(n, false));
			}
			case ABUSE_REVOKED -> {
				switchedOn(n);
				add(ENDINGS, Events.abuse(n, random.nextBoolean() ? "critical" : "high"));
			}
			case ABUSE_REVIEWED -> {
				switchedOn(n);
				add(ENDINGS, Events.abuse(n, random.nextBoolean() ? "low" : "medium"));
			}
			case RELEASED -> {
				switchedOn(n);
				add(ENDINGS, Events.serviceChanged(n, "cMetal", "released"));
			}
			case OPENED_BY_STAFF -> {
				add(INVENTORY, Events.serviceChanged(n, "cVirtual", "active"));
				add(SUBMISSIONS, Events.completeRequest(n, "cVirtual"));
				add(ENDINGS, Events.abuse(n, "critical"));
			}
			case NO_ACCESS -> add(SUBMISSIONS, Events.abuseWithoutAccess(n));
		}
		return this.unique.stream().mapToInt(List::size).sum() - before;
	}

	private void switchedOn(long n) {
		add(INVENTORY, Events.serviceActive(n));
		add(SUBMISSIONS, Events.completeRequest(n));
		add(ANSWERS, Events.toggle(n, true));
	}

	private void add(int phase, Event event) {
		this.unique.get(phase).add(event);
	}

	int sent() {
		return this.phases.stream().mapToInt(List::size).sum();
	}

	int distinct() {
		return this.unique.stream().mapToInt(List::size).sum();
	}

	List<String> refsToApprove() {
		return this.requests.stream().filter((request) -> request.kind().approved()).map(Request::ref).toList();
	}

	List<String> refsToOpen() {
		return this.requests.stream()
			.filter((request) -> request.kind() == Kind.OPENED_BY_STAFF)
			.map(Request::ref)
			.toList();
	}

	/** The state each request must end in. */
	Map<String, String> expectedStatus() {
		Map<String, String> status = new LinkedHashMap<>();
		this.requests.stream()
			.filter((request) -> request.kind().finalStatus != null)
			.forEach((request) -> status.put(request.ref(), request.kind().finalStatus));
		return status;
	}

}
