package net.port25.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.port25.bench.load.Events;
import net.port25.bench.load.Topics;

/**
 * Records that break the contract, each of which must go to its topic's dead-letter topic
 * with a reason: the contract's bad examples and a generated set (truncated JSON,
 * payloads of about 1 MiB, a wrong type in every field, control characters, unknown enum
 * values, random bytes). Their requests and services are numbered apart from the good
 * traffic's, so that a refusal answered to the customer touches no request of the run.
 */
final class BadInput {

	private static final ObjectMapper json = new ObjectMapper();

	/** One bad record and what is wrong with it. */
	record Bad(String category, String topic, String key, byte[] value) {
	}

	/**
	 * Just below the broker's default {@code message.max.bytes} (1 MiB + 12 bytes), with
	 * the envelope and the record's framing.
	 */
	static final int LARGE_PAYLOAD_CHARS = 1_040_000;

	private BadInput() {
	}

	static List<Bad> generate(Path badExamples, long first, int truncated, int large, int randomStrings,
			Random random) {
		List<Bad> bad = new ArrayList<>();
		examples(badExamples).forEach(bad::add);
		long n = first;
		for (int i = 0; i < truncated; i++) {
			byte[] whole = good(n++, i % 4);
			bad.add(new Bad("truncated-json", topicOf(i % 4), "F-" + n,
					java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1))));
		}
		for (int i = 0; i < large; i++) {
			ObjectNode event = tree(good(n++, 0));
			String text = "x".repeat(LARGE_PAYLOAD_CHARS);
			if (i % 2 == 0) {
				((ObjectNode) event.get("data")).put("notes", text);
				bad.add(new Bad("large-payload", Topics.REQUESTS, "F-" + n, bytes(event)));
			}
			else {
				bad.add(new Bad("large-payload", Topics.ABUSE, "F-" + n, text.getBytes(StandardCharsets.UTF_8)));
			}
		}
		for (int shape = 0; shape < 4; shape++) {
			ObjectNode template = tree(good(n++, shape));
			for (String field : fieldsOf(template)) {
				ObjectNode event = template.deepCopy();
				event.put("id", "bad-type-" + field + "-" + n++);
				wrongType(event, field);
				bad.add(new Bad("wrong-type", topicOf(shape), "F-" + n, bytes(event)));
			}
		}
		for (String control : List.of("\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\n", "\r")) {
			for (String field : List.of("requestRef", "customerId", "serviceId", "hostname")) {
				ObjectNode event = tree(good(n++, 0));
				((ObjectNode) event.get("data")).put(field, "F-" + n + control + "x");
				bad.add(new Bad("control-characters", Topics.REQUESTS, "F-" + n, bytes(event)));
			}
			ObjectNode event = tree(good(n++, 0));
			event.put("id", "F-" + n + control);
			bad.add(new Bad("control-characters", Topics.REQUESTS, "F-" + n, bytes(event)));
		}
		for (Map.Entry<String, String[]> unknown : Map
			.of("channel", new String[] { "0", "fax" }, "serviceType", new String[] { "0", "CMETAL" }, "recipientType",
					new String[] { "0", "everyone" }, "enabled", new String[] { "1", "maybe" }, "severity",
					new String[] { "2", "extreme" }, "category", new String[] { "2", "phishing" }, "status",
					new String[] { "3", "deleted" })
			.entrySet()) {
			int shape = Integer.parseInt(unknown.getValue()[0]);
			ObjectNode event = tree(good(n++, shape));
			((ObjectNode) event.get("data")).put(unknown.getKey(), unknown.getValue()[1]);
			bad.add(new Bad("unknown-enum", topicOf(shape), "F-" + n, bytes(event)));
		}
		for (int i = 0; i < randomStrings; i++) {
			byte[] value = new byte[1 + random.nextInt(2000)];
			random.nextBytes(value);
			bad.add(new Bad("random-bytes", topicOf(i % 4), "F-" + n++, value));
		}
		java.util.Collections.shuffle(bad, random);
		return bad;
	}

	private static List<Bad> examples(Path directory) {
		try (var files = Files.list(directory)) {
			return files.sorted().map((file) -> {
				try {
					return new Bad("contract-example", Topics.REQUESTS, file.getFileName().toString(),
							Files.readAllBytes(file));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no bad examples in " + directory, ex);
		}
	}

	/**
	 * A good event of one of four shapes: a request, a toggle, an abuse report, an
	 * inventory record.
	 */
	private static byte[] good(long n, int shape) {
		return switch (shape) {
			case 0 -> Events.completeRequest(n).value();
			case 1 -> Events.toggle(n, true).value();
			case 2 -> Events.abuse(n, "critical").value();
			default -> Events.serviceActive(n).value();
		};
	}

	private static String topicOf(int shape) {
		return switch (shape) {
			case 0 -> Topics.REQUESTS;
			case 1 -> Topics.TOGGLES;
			case 2 -> Topics.ABUSE;
			default -> Topics.INVENTORY;
		};
	}

	/**
	 * The envelope's attributes and the data's fields, the latter as {@code data.name}.
	 */
	private static List<String> fieldsOf(ObjectNode event) {
		List<String> fields = new ArrayList<>();
		event.fieldNames().forEachRemaining((name) -> {
			if (!name.equals("data")) {
				fields.add(name);
			}
		});
		event.get("data").fieldNames().forEachRemaining((name) -> fields.add("data." + name));
		return fields;
	}

	/** Gives {@code field} a value of another JSON type than the contract's. */
	private static void wrongType(ObjectNode event, String field) {
		ObjectNode owner = field.startsWith("data.") ? (ObjectNode) event.get("data") : event;
		String name = field.startsWith("data.") ? field.substring(5) : field;
		JsonNode value = owner.get(name);
		if (value.isTextual()) {
			owner.put(name, 42);
		}
		else if (value.isBoolean()) {
			owner.put(name, "true");
		}
		else if (value.isNumber()) {
			owner.put(name, "300");
		}
		else if (value.isArray()) {
			owner.put(name, "198.18.0.1");
		}
		else {
			owner.put(name, true);
		}
	}

	private static ObjectNode tree(byte[] value) {
		try {
			return (ObjectNode) json.readTree(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(JsonNode event) {
		try {
			return json.writeValueAsBytes(event);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
