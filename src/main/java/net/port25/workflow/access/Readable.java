package net.port25.workflow.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Values as people read them, in customer texts and staff forms alike: dates in words,
 * times to the minute in UTC, lists with commas, Yes and No.
 */
public final class Readable {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
		.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/**
	 * Camunda keeps a string variable in a column of 4,000 characters; a form text stays
	 * below that.
	 */
	public static final int FORM_TEXT_LIMIT = 3900;

	private Readable() {
	}

	/**
	 * The text as a staff form can hold it: cut at {@link #FORM_TEXT_LIMIT} characters
	 * with a note that says where the rest is.
	 */
	public static String bounded(String text, String whereTheRestIs) {
		if (text.length() <= FORM_TEXT_LIMIT) {
			return text;
		}
		String note = "\n... (shortened; the whole text is in " + whereTheRestIs + ")";
		return text.substring(0, FORM_TEXT_LIMIT - note.length()) + note;
	}

	/** {@code 15 December 2026}. */
	public static String date(Instant instant) {
		return DATE.format(instant);
	}

	/** {@code 1 December 2026 at 23:50 UTC}. */
	public static String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}

	/** {@code 192.0.2.77, 192.0.2.78}; empty for none. */
	public static String list(List<String> items) {
		return (items == null) ? "" : String.join(", ", items);
	}

	/** {@code Yes}, {@code No}, or {@code not given}. */
	public static String yesNo(Boolean value) {
		return (value == null) ? "not given" : (value ? "Yes" : "No");
	}

}
