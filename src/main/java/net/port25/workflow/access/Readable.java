package net.port25.workflow.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

	// what would turn words into emphasis, links, code, headings, tables or HTML; a list
	// or a numbered line inside someone's text may stay one
	private static final Pattern MARKDOWN = Pattern.compile("[\\\\`*_\\[\\]#|<>~]");

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
		return InputLimits.shorten(text, FORM_TEXT_LIMIT - note.length()) + note;
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

	/**
	 * Someone else's text (a customer's, an abuse monitor's) inside a staff form's
	 * markdown: shown as written, never as headings, links or emphasis.
	 */
	public static String escaped(String text) {
		return MARKDOWN.matcher(text).replaceAll("\\\\$0");
	}

	/**
	 * Someone else's text as a block quote, its line breaks kept: the customer's request
	 * and answers on a review form.
	 */
	public static String quoted(String text) {
		return text.lines().map((line) -> "> " + escaped(line) + "  ").collect(Collectors.joining("\n"));
	}

	/** {@code Yes}, {@code No}, or {@code not given}. */
	public static String yesNo(Boolean value) {
		return (value == null) ? "not given" : (value ? "Yes" : "No");
	}

}
