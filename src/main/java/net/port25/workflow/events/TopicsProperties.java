package net.port25.workflow.events;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The contract's topics. Names are configurable; inbound topics each have a
 * {@code <topic>.DLT} beside them.
 */
@Validated
@ConfigurationProperties("port25.topics")
public record TopicsProperties(@NotBlank String requests, @NotBlank String dashboardToggles,
		@NotBlank String abuseEvents, @NotBlank String inventory, @NotBlank String replies,
		@NotBlank String networkCommands, @NotBlank String accessChanges, @Min(1) int partitions,
		@Min(1) short replicationFactor) {

	static final String DEAD_LETTER_SUFFIX = ".DLT";

	List<String> inbound() {
		return List.of(requests, dashboardToggles, abuseEvents, inventory);
	}

	/**
	 * The inbound topics by the names of their properties ({@code requests},
	 * {@code dashboard-toggles}, {@code abuse-events}, {@code inventory}), as other
	 * settings refer to them.
	 */
	Map<String, String> inboundByProperty() {
		return Map.of("requests", requests, "dashboard-toggles", dashboardToggles, "abuse-events", abuseEvents,
				"inventory", inventory);
	}

	List<String> outbound() {
		return List.of(replies, networkCommands, accessChanges);
	}

	static String deadLetterTopicOf(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
