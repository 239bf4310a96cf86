package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.port25.workflow.EventTypes;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.PortCommand;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code asyncapi.yaml}: every topic, schema file and event type of the engine is in the
 * published document.
 */
class AsyncApiDocumentTest {

	private final Map<String, Object> document = yaml("/asyncapi.yaml");

	@Test
	void isAnAsyncApi3DocumentOfThisApplication() {
		assertThat(document).containsEntry("asyncapi", "3.0.0");
		assertThat(map(document, "info")).containsEntry("title", "port25-workflow").containsEntry("version", "1.1");
		assertThat(map(map(document, "servers"), "embedded")).containsEntry("host", "127.0.0.1:9092")
			.containsEntry("protocol", "kafka");
	}

	@Test
	void everyDefaultTopicAndItsDeadLetterTopicHasAChannel() {
		TopicsProperties topics = defaultTopics();
		List<String> expected = new ArrayList<>(topics.inbound());
		expected.addAll(topics.outbound());
		topics.inbound().stream().map(TopicsProperties::deadLetterTopicOf).forEach(expected::add);

		assertThat(addresses()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everyReferencedSchemaFileIsOnTheClasspath() {
		List<String> files = refs(document).stream().filter(ref -> !ref.startsWith("#")).toList();

		assertThat(files).isNotEmpty().allSatisfy(file -> {
			assertThat(file).startsWith("./schemas/");
			assertThat(getClass().getResource("/" + file.substring(2))).as(file).isNotNull();
		});
	}

	@Test
	void everyEventTypeOfTheEngineIsAMessage() {
		Stream<String> inbound = Stream.of(EventTypes.REQUEST_SUBMITTED, EventTypes.INFORMATION_PROVIDED,
				EventTypes.REQUEST_WITHDRAWN, EventTypes.TOGGLE_REQUESTED, EventTypes.ABUSE_DETECTED,
				EventTypes.SERVICE_CHANGED);
		Stream<String> outbound = Stream
			.of(Arrays.stream(CustomerNotice.Type.values()).map(CustomerNotice.Type::eventType),
					Arrays.stream(PortCommand.Action.values()).map(PortCommand.Action::eventType),
					Stream.of(EventTypes.ACCESS_CHANGED))
			.flatMap(types -> types);
		List<String> messageNames = map(map(document, "components"), "messages").values()
			.stream()
			.map(message -> (String) ((Map<?, ?>) message).get("name"))
			.toList();

		assertThat(messageNames).containsAll(Stream.concat(inbound, outbound).toList());
	}

	@Test
	void deadLetterMessagesNameTheirHeaders() {
		Map<String, Object> deadLetter = map(map(map(document, "components"), "messages"), "deadLetter");

		assertThat(map(map(deadLetter, "headers"), "properties")).containsKeys(DeadLetters.REASON_HEADER,
				DeadLetters.TRUNCATED_HEADER, "kafka_dlt-original-topic", "kafka_dlt-original-partition",
				"kafka_dlt-original-offset", "kafka_dlt-exception-fqcn");
	}

	private List<String> addresses() {
		return map(document, "channels").values()
			.stream()
			.map(channel -> (String) ((Map<?, ?>) channel).get("address"))
			.toList();
	}

	// The defaults of application.yaml, read the way Spring would bind port25.topics.*.
	private static TopicsProperties defaultTopics() {
		Map<String, Object> topics = map(map(yaml("/application.yaml"), "port25"), "topics");
		return new TopicsProperties((String) topics.get("requests"), (String) topics.get("dashboard-toggles"),
				(String) topics.get("abuse-events"), (String) topics.get("inventory"), (String) topics.get("replies"),
				(String) topics.get("network-commands"), (String) topics.get("access-changes"),
				(Integer) topics.get("partitions"), ((Integer) topics.get("replication-factor")).shortValue());
	}

	private static List<String> refs(Object node) {
		List<String> refs = new ArrayList<>();
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("$ref".equals(key)) {
					refs.add((String) value);
				}
				else {
					refs.addAll(refs(value));
				}
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach(item -> refs.addAll(refs(item)));
		}
		return refs;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object child = parent.get(key);
		assertThat(child).as(key).isInstanceOf(Map.class);
		return (Map<String, Object>) child;
	}

	private static Map<String, Object> yaml(String resource) {
		try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new Yaml().load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
