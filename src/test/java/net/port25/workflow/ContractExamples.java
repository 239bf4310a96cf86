package net.port25.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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

}
