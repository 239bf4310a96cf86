package net.port25.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contract's example events, as shipped in {@code shared/contract/examples/} and
 * copied into the test resources ({@code ContractCopyTest} keeps the copy honest).
 */
public final class ContractExamples {

	private ContractExamples() {
	}

	public static byte[] read(String name) {
		try (InputStream in = ContractExamples.class.getResourceAsStream("/contract/examples/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No contract example named " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The example iColocation submission with a fresh event id, for the request, service
	 * and IP address given.
	 */
	public static byte[] submission(ObjectMapper json, String requestRef, String serviceId, String ipAddress) {
		try {
			ObjectNode event = (ObjectNode) json.readTree(read("submitted-icolocation.json"));
			event.put("id", UUID.randomUUID().toString());
			ObjectNode data = (ObjectNode) event.get("data");
			data.put("requestRef", requestRef);
			data.put("serviceId", serviceId);
			data.putArray("ipAddresses").add(ipAddress);
			return json.writeValueAsBytes(event);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
