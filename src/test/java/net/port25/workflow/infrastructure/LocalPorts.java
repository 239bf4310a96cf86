package net.port25.workflow.infrastructure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ports the embedded servers and the engine listen on; 0 means any free port. */
public record LocalPorts(int http, int management, int postgres, int kafka, int kafkaController) {

	/** Fails with a message naming each port that something else already listens on. */
	public void requireFree() {
		Map<String, Integer> wanted = new LinkedHashMap<>();
		wanted.put("the engine (HTTP)", http);
		wanted.put("the engine's actuator (management)", management);
		wanted.put("PostgreSQL", postgres);
		wanted.put("Kafka", kafka);
		wanted.put("the Kafka controller", kafkaController);
		StringBuilder taken = new StringBuilder();
		wanted.forEach((what, port) -> {
			if (port > 0 && !isFree(port)) {
				taken.append(String.format("%n  port %d (%s) is already in use", port, what));
			}
		});
		if (!taken.isEmpty()) {
			throw new IllegalStateException("Cannot start:" + taken);
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
