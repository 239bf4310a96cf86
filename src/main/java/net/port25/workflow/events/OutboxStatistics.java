package net.port25.workflow.events;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads how far the relay is behind, for monitoring: one query on the partial index of
 * pending events.
 */
@Component
public class OutboxStatistics {

	private final JdbcClient jdbc;

	OutboxStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public OutboxBacklog backlog() {
		return jdbc.sql("""
				select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) * 1000
				from outbox_event where published_at is null
				""")
			.query((row, number) -> new OutboxBacklog(row.getLong(1), Duration.ofMillis(row.getLong(2))))
			.single();
	}

}
