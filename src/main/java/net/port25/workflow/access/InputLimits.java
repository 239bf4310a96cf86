package net.port25.workflow.access;

/**
 * The limits every entrance applies to what customers and systems send: the REST API
 * (Bean Validation: {@link SingleLine}, {@link FreeText} and {@code @Size} on the records
 * it reads) and Kafka (the same records, and the JSON Schemas' {@code maxLength},
 * {@code maxItems} and {@code pattern}, whose values a test holds to these). A new field
 * takes one of these limits, never a number of its own.
 * <p>
 * Lengths are counted in UTF-16 units here and in code points by the JSON Schemas, so
 * Bean Validation is the stricter of the two; both stay within what the engine stores (a
 * process variable holds at most 4000 characters, a business key 255).
 */
public final class InputLimits {

	/**
	 * References and ids (requestRef, customerId, serviceId, an event's id and source): a
	 * request's reference is its process instance's business key, a column of 255.
	 */
	public static final int MAX_IDENTIFIER_LENGTH = 255;

	/** A host or domain name (RFC 1035). */
	public static final int MAX_HOST_NAME_LENGTH = 253;

	/**
	 * One free-text fact (use case, abuse controls, a withdrawal's reason, an abuse
	 * report's evidence): it is shown in staff forms, whose variables hold 4000
	 * characters.
	 */
	public static final int MAX_TEXT_LENGTH = 2000;

	/**
	 * The longest text a process variable holds: what the engine puts into one (a staff
	 * form's summary of a request, say) is shortened to this.
	 */
	public static final int MAX_VARIABLE_TEXT_LENGTH = 4000;

	/** A whole request written as free text (the recommended request format). */
	public static final int MAX_BODY_LENGTH = 20_000;

	public static final int MAX_IP_ADDRESSES = 64;

	public static final int MAX_SENDING_DOMAINS = 32;

	/** The last page a list may ask for (pages count from 0). */
	public static final int MAX_PAGE = 10_000;

	/** The most results one page may hold. */
	public static final int MAX_PAGE_SIZE = 100;

	/**
	 * No control character at all (C0, DEL, C1). The same regular expression in Java and
	 * in the JSON Schemas (ECMA-262): {@code (?![\s\S])} is the end of the text in both,
	 * where {@code $} in Java would also match before a final line break.
	 */
	public static final String SINGLE_LINE_PATTERN = "^[^\\u0000-\\u001F\\u007F-\\u009F]*(?![\\s\\S])";

	/** As {@link #SINGLE_LINE_PATTERN}, but tabs and line breaks are text too. */
	public static final String FREE_TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*(?![\\s\\S])";

	static final String CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";

	static final String LINE_BREAKS_MESSAGE = "must be one line without control characters";

	private static final String ELLIPSIS = "...";

	private InputLimits() {
	}

	/**
	 * The text, cut to at most {@code maxLength} characters with an ellipsis if it is
	 * longer: for what the engine composes from input (reasons, summaries, echoed
	 * values), which must fit where it goes.
	 */
	public static String shorten(String text, int maxLength) {
		if (text == null || text.length() <= maxLength) {
			return text;
		}
		int end = Math.max(0, maxLength - ELLIPSIS.length());
		// never between the two halves of a surrogate pair
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + ELLIPSIS;
	}

}
