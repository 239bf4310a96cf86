package net.port25.workflow.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import net.port25.workflow.access.InputLimits;
import org.springframework.stereotype.Component;

/**
 * Who may say what: an event is applied only if its CloudEvent {@code source} is one the
 * configuration allows for its type on its topic ({@code port25.inbound.sources}).
 * Everything else is refused, so that a client that can write to a topic cannot speak for
 * another system (a withdrawal from an unknown client, a critical abuse report from the
 * dashboard).
 */
@Component
class EventSources {

	private final Map<String, Map<String, Set<String>>> allowedByTopic = new HashMap<>();

	EventSources(InboundProperties inbound, TopicsProperties topics) {
		Map<String, String> topicNames = topics.inboundByProperty();
		inbound.sources().forEach((property, byType) -> {
			String topic = topicNames.get(property);
			if (topic == null) {
				throw new IllegalStateException("port25.inbound.sources names '" + property
						+ "', which is no inbound topic; expected one of " + topicNames.keySet());
			}
			allowedByTopic.put(topic, byType.entrySet()
				.stream()
				.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> Set.copyOf(entry.getValue()))));
		});
	}

	/**
	 * @throws InvalidEventException unless the event's source may send its type on the
	 * topic
	 */
	void check(String topic, CloudEvent event) {
		Set<String> allowed = allowedByTopic.getOrDefault(topic, Map.of()).getOrDefault(event.getType(), Set.of());
		String source = event.getSource().toString();
		if (!allowed.contains(source)) {
			throw new InvalidEventException("source '" + InputLimits.shorten(source, InputLimits.MAX_IDENTIFIER_LENGTH)
					+ "' may not send " + event.getType() + " on " + topic + " ("
					+ (allowed.isEmpty() ? "no source may" : "allowed: " + String.join(", ", sorted(allowed))) + ")");
		}
	}

	private static List<String> sorted(Set<String> sources) {
		return sources.stream().sorted().toList();
	}

}
