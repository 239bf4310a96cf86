package net.port25.workflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class LocalPortsTest {

	@Test
	void namesEachPortThatIsAlreadyTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			LocalPorts ports = new LocalPorts(0, 0, 0, taken.getLocalPort(), 0);

			assertThatIllegalStateException().isThrownBy(ports::requireFree)
				.withMessageContaining("port " + taken.getLocalPort() + " (Kafka) is already in use");
		}
	}

	@Test
	void acceptsFreePorts() {
		assertThatNoException().isThrownBy(new LocalPorts(0, 0, 0, 0, 0)::requireFree);
	}

}
