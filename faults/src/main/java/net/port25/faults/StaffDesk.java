package net.port25.faults;

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
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff at work through the engine REST API while the engine, its broker and its database
 * fail: approves the reviews of given requests and opens their ports (the NOC's task), on
 * whichever engine node answers, and asks again until each task is done (a completion
 * whose answer was lost in a crash is simply not found again).
 */
final class StaffDesk {

	private static final ObjectMapper json = new ObjectMapper();

	private static final int KEYS_PER_QUERY = 50;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final Supplier<List<String>> baseUrls;

	private final String authorization;

	StaffDesk(Supplier<List<String>> baseUrls, String user, String password) {
		this.baseUrls = baseUrls;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Approves the review of each of {@code requestRefs}; returns how many tasks. */
	int approve(List<String> requestRefs, Duration timeout) {
		return completeAll("reviewRequest", requestRefs, "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}",
				timeout);
	}

	/** Completes the NOC's "Open port 25" task of each of {@code requestRefs}. */
	int openPorts(List<String> requestRefs, Duration timeout) {
		return completeAll("openPort25", requestRefs, "{\"variables\":{\"opened\":{\"value\":true}}}", timeout);
	}

	private int completeAll(String taskKey, List<String> requestRefs, String body, Duration timeout) {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> batches = new ArrayList<>();
			for (int i = 0; i < requestRefs.size(); i += KEYS_PER_QUERY) {
				List<String> keys = requestRefs.subList(i, Math.min(requestRefs.size(), i + KEYS_PER_QUERY));
				batches.add(executor.submit(() -> completeBatch(taskKey, keys, body, timeout)));
			}
			int completed = 0;
			for (Future<Integer> batch : batches) {
				completed += batch.get();
			}
			return completed;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Staff could not complete their " + taskKey + " tasks", ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Completes every task of {@code taskKey} of the given requests, asking again until
	 * none is left: those requests each have one.
	 */
	private int completeBatch(String taskKey, List<String> keys, String body, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int completed = 0;
		int found = -1;
		while (System.nanoTime() < deadline) {
			try {
				List<String> tasks = tasks(taskKey, keys);
				if (found < 0) {
					found = tasks.size();
				}
				if (tasks.isEmpty()) {
					return completed;
				}
				for (String task : tasks) {
					post("/engine-rest/task/" + task + "/complete", body);
					completed++;
				}
			}
			catch (IOException | IllegalStateException ex) {
				// a node killed, the database restarting: ask again
				Thread.sleep(1000);
			}
		}
		throw new IllegalStateException(taskKey + " tasks of " + keys.get(0) + "... still open after " + timeout);
	}

	private List<String> tasks(String taskKey, List<String> keys) throws IOException, InterruptedException {
		String body = get("/engine-rest/task?taskDefinitionKey=" + taskKey + "&processInstanceBusinessKeyIn="
				+ String.join(",", keys) + "&maxResults=" + (keys.size() * 2));
		List<String> ids = new ArrayList<>();
		json.readTree(body).forEach((task) -> ids.add(task.path("id").asText()));
		return ids;
	}

	private String get(String path) throws IOException, InterruptedException {
		return send(path, null);
	}

	private void post(String path, String body) throws IOException, InterruptedException {
		send(path, body);
	}

	private String send(String path, String body) throws IOException, InterruptedException {
		List<String> urls = this.baseUrls.get();
		if (urls.isEmpty()) {
			throw new IOException("no engine node is up");
		}
		String baseUrl = urls.get((int) (Math.random() * urls.size()));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.authorization);
		if (body != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(
					response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

}
