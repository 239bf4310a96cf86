package net.port25.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff at work, through the engine's REST API as the administrator: approves the waiting
 * reviews (what a reviewer does in Tasklist).
 */
public final class Staff {

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String authorization;

	public Staff(String baseUrl, String user, String password) {
		this.baseUrl = baseUrl;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Approves every open review, on {@code threads} threads; returns how many. */
	public int approveAllReviews(int threads) {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		int approved = 0;
		try {
			List<String> tasks;
			while (!(tasks = reviewTasks()).isEmpty()) {
				List<Future<?>> completions = new ArrayList<>();
				for (String task : tasks) {
					completions.add(executor.submit(() -> approve(task)));
				}
				for (Future<?> completion : completions) {
					completion.get();
				}
				approved += tasks.size();
			}
			return approved;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Approving the reviews failed", ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private List<String> reviewTasks() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				request("/engine-rest/task?taskDefinitionKey=reviewRequest&maxResults=500").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		check(response);
		List<String> ids = new ArrayList<>();
		json.readTree(response.body()).forEach((task) -> ids.add(task.path("id").asText()));
		return ids;
	}

	private void approve(String task) {
		try {
			HttpResponse<String> response = this.http
				.send(request("/engine-rest/task/" + task + "/complete").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"decision\":{\"value\":\"approve\"}}}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			check(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.authorization);
	}

	private static void check(HttpResponse<String> response) {
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(
					response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	static JsonNode read(String body) throws IOException {
		return json.readTree(body);
	}

}
