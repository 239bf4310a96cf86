package net.port25.bench.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.sun.net.httpserver.HttpServer;

/**
 * A JWK set on a loopback port, for the production profile's required token issuer
 * ({@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI}): one fresh RSA key that
 * lives as long as the run.
 */
public final class LocalJwks implements AutoCloseable {

	private final HttpServer server;

	private LocalJwks(HttpServer server) {
		this.server = server;
	}

	public static LocalJwks start() {
		try {
			byte[] body = jwkSet().getBytes(StandardCharsets.UTF_8);
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return new LocalJwks(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks.json";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static String jwkSet() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			return """
					{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"bench","n":"%s","e":"%s"}]}""".formatted(
					base64.encodeToString(unsigned(key.getModulus().toByteArray())),
					base64.encodeToString(key.getPublicExponent().toByteArray()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] unsigned(byte[] bytes) {
		return (bytes.length > 1 && bytes[0] == 0) ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

}
