package net.port25.workflow.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the customer wrote and what they were asked, kept as it was sent, so the reviewer
 * reads the customer's own words beside the facts the engine read from them. Joins the
 * caller's transaction.
 */
@Component
public class Correspondence {

	/** One message of the correspondence, oldest first. */
	public record Entry(Instant at, Kind kind, String author, String text, Instant answerBy) {
	}

	public enum Kind {

		/** The request as the customer wrote it (the free text of the submission). */
		REQUEST,

		/** What the customer was asked, and by when to answer. */
		QUESTIONS,

		/** The customer's answer as they wrote it. */
		ANSWER

	}

	private final JdbcClient jdbc;

	Correspondence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(String requestRef, Kind kind, String author, String text, Instant answerBy) {
		jdbc.sql("""
				insert into request_correspondence (request_ref, at, kind, author, text, answer_by)
				values (:ref, :at, :kind, :author, :text, :answerBy)
				""")
			.param("ref", requestRef)
			.param("at", Timestamp.from(Instant.now()))
			.param("kind", kind.name())
			.param("author", author)
			.param("text", text)
			.param("answerBy", answerBy == null ? null : Timestamp.from(answerBy))
			.update();
	}

	public List<Entry> of(String requestRef) {
		return jdbc.sql("""
				select at, kind, author, text, answer_by from request_correspondence
				where request_ref = :ref order by id
				""")
			.param("ref", requestRef)
			.query((row, number) -> new Entry(row.getTimestamp(1).toInstant(), Kind.valueOf(row.getString(2)),
					row.getString(3), row.getString(4),
					row.getTimestamp(5) == null ? null : row.getTimestamp(5).toInstant()))
			.list();
	}

	/** The questions asked last, if any: a reminder repeats them. */
	public Entry lastQuestions(String requestRef) {
		return of(requestRef).stream()
			.filter((entry) -> entry.kind() == Kind.QUESTIONS)
			.reduce((a, b) -> b)
			.orElse(null);
	}

}
