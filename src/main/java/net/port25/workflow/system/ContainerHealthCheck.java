package net.port25.workflow.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check, for runtimes that probe by command (Docker Compose): the
 * image has neither curl nor wget, so it asks with the JVM it already has.
 * {@code java -cp /app/classes net.port25.workflow.system.ContainerHealthCheck
 * http://127.0.0.1:8080/readyz} exits 0 when the URL answers 200 within three seconds, 1
 * otherwise.
 */
public final class ContainerHealthCheck {

	public static final Duration TIMEOUT = Duration.ofSeconds(3);

	private ContainerHealthCheck() {
	}

	public static void main(String[] args) {
		boolean healthy = args.length == 1 && isHealthy(URI.create(args[0]), TIMEOUT);
		System.exit(healthy ? 0 : 1);
	}

	/** Whether the URL answers 200 within the timeout. */
	public static boolean isHealthy(URI url, Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
		HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
