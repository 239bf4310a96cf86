package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContainerHealthCheckTest {

	private HttpServer server;

	@BeforeEach
	void startAServerThatIsReadyOrNot() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/readyz", exchange -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.createContext("/starting", exchange -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopTheServer() {
		server.stop(0);
	}

	@Test
	void isHealthyWhenTheProbeAnswersOk() {
		assertThat(ContainerHealthCheck.isHealthy(url("/readyz"), ContainerHealthCheck.TIMEOUT)).isTrue();
	}

	@Test
	void isUnhealthyWhenTheProbeAnswersAnythingElseOrNothing() throws IOException {
		assertThat(ContainerHealthCheck.isHealthy(url("/starting"), ContainerHealthCheck.TIMEOUT)).isFalse();
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThat(ContainerHealthCheck.isHealthy(URI.create("http://127.0.0.1:" + closedPort + "/readyz"),
				ContainerHealthCheck.TIMEOUT))
			.isFalse();
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

}
