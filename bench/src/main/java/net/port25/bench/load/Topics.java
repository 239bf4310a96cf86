package net.port25.bench.load;

import java.util.List;

/** The contract's topic names (the engine's defaults). */
public final class Topics {

	public static final String REQUESTS = "port25.requests";

	public static final String TOGGLES = "port25.dashboard.toggles";

	public static final String ABUSE = "port25.abuse.events";

	public static final String INVENTORY = "port25.inventory";

	public static final String ACCESS_CHANGES = "port25.access.changes";

	public static final String NETWORK_COMMANDS = "port25.network.commands";

	public static final List<String> INBOUND = List.of(REQUESTS, TOGGLES, ABUSE, INVENTORY);

	private Topics() {
	}

}
