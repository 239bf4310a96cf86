package net.port25.workflow.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the inbound topics accept and how what they cannot take is put aside.
 *
 * @param sources who may say what: per inbound topic (by its {@code port25.topics.*}
 * name: {@code requests}, {@code dashboard-toggles}, {@code abuse-events},
 * {@code inventory}) and event type, the CloudEvent {@code source}s whose events are
 * applied. Anything else is dead-lettered with the reason; a type with no sources is
 * taken from nobody. The broker's ACLs decide who can write to a topic at all; this says
 * which of those writers may send which event.
 * @param deduplicationRetention how long the source and id of an applied event are kept,
 * so that a redelivery has no second effect; longer than the inbound topics keep their
 * records (a purge that would be shorter is refused)
 * @param deadLetter the limits of a dead-letter record
 * @param abuseEventsConcurrency consumer threads of the listener that applies every abuse
 * report in order (at most the topic's partitions); the revocation lane has one per
 * partition. Fewer than the partitions leave CPU to the lane during a storm.
 * @param requestsPerTransaction at most this many events of the requests topic are
 * applied in one transaction (the listener's {@code max.poll.records}): under a backlog
 * the events of a poll share one commit, and a failure rolls back at most this many,
 * which are then applied one by one
 * @param requestsConcurrency consumer threads of the requests listener (at most the
 * topic's partitions): fewer threads than partitions fill their polls under load
 */
@Validated
@ConfigurationProperties("port25.inbound")
record InboundProperties(@NotEmpty Map<String, Map<String, List<String>>> sources,
		@NotNull Duration deduplicationRetention, @Valid @NotNull DeadLetter deadLetter,
		@Min(1) int abuseEventsConcurrency, @Min(1) int requestsPerTransaction, @Min(1) int requestsConcurrency) {

	/**
	 * @param maxReasonLength at most this many characters of the reason go into the
	 * {@code port25-dlt-reason} header (and the log)
	 * @param maxRecordBytes the largest dead-letter record written, headers included;
	 * below the producer's {@code max.request.size} and the dead-letter topics'
	 * {@code max.message.bytes}. A record that would be larger goes there truncated, with
	 * a header saying so.
	 */
	record DeadLetter(@Min(80) int maxReasonLength, @Min(1024) int maxRecordBytes) {
	}

}
