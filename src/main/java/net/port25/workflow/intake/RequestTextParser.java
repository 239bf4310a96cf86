package net.port25.workflow.intake;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.port25.workflow.access.IpLiteral;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.request.ConfigurationState;
import net.port25.workflow.request.RecipientType;
import net.port25.workflow.request.RequestFacts;

/**
 * Reads a request written in the provider's published "Recommended Request Format"
 * ({@code Service Type: ...
 * Service ID / Device ID: ... SPF configured: Yes ...}) into {@link RequestFacts}.
 * Customers paste that template on one line or many, with bullets, in any case; whatever
 * cannot be read is left missing so that the completeness check asks for it again, rather
 * than guessing or failing the request.
 */
public final class RequestTextParser {

	/**
	 * Label matching is tolerant of layout: a bullet ({@code -}, {@code *}, a bullet dot,
	 * markdown bold) or a list number at the start of a line, extra spaces, and any
	 * spacing around the colon. The label must not start inside a word, and the colon is
	 * required so that label words inside a value ("DMARC will be added") are left alone.
	 * The prefixes are bounded so that runs of dashes cannot make matching quadratic.
	 */
	private static final Pattern LABEL = Pattern.compile(
			"(?<![\\p{L}\\p{N}])(?:^\\h*\\d{1,3}[.)]\\h*)?" + "(?:[-*\\u2022][-*\\u2022\\h]{0,8})?(?<label>"
					+ labelAlternation() + ")\\*{0,2}\\h*:\\*{0,2}",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE);

	private static final Map<String, Field> FIELDS_BY_LABEL = Arrays.stream(Field.values())
		.flatMap((field) -> field.labels.stream().map((label) -> Map.entry(key(label), field)))
		.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

	/** What customers write for "I don't know yet": the fact is missing, not answered. */
	private static final Set<String> MISSING = Set.of("", "-", "--", "\u2013", "\u2014", "n/a", "na", "none", "tbd");

	private static final Set<String> YES = Set.of("yes", "y", "true", "configured", "done");

	private static final Set<String> NO = Set.of("no", "n", "false", "not configured", "not yet");

	private static final Pattern BEFORE_SENDING = Pattern.compile(
			"before (?:sending|we send|go-?live|going live|launch)|will be (?:configured|set up|added)|planned",
			Pattern.CASE_INSENSITIVE);

	/** The words that name each kind of recipient. */
	private static final Map<RecipientType, Set<String>> RECIPIENT_WORDS = Map.of(RecipientType.OWN_CUSTOMERS,
			Set.of("own", "customers", "customer", "clients"), RecipientType.INTERNAL,
			Set.of("internal", "employees", "staff"), RecipientType.PUBLIC, Set.of("public"));

	/**
	 * Thousands groups first, so that {@code 9.000} is nine thousand and only
	 * {@code 1.5k} is a decimal.
	 */
	private static final String NUMBER = "\\d{1,3}(?:[,.'\\u2019 ]\\d{3}){1,6}(?!\\d)|\\d+(?:[.,]\\d+)?";

	private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:[,.'\\u2019 ]\\d{3}){1,6}");

	private static final Pattern VOLUME = Pattern.compile("(?<from>" + NUMBER + ")(?<fromK>\\h*k\\b)?"
			+ "(?:\\h*(?:-|\u2013|\u2014|to)\\h*(?<to>" + NUMBER + ")(?<toK>\\h*k\\b)?)?", Pattern.CASE_INSENSITIVE);

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private static final BigDecimal LARGEST = BigDecimal.valueOf(Long.MAX_VALUE);

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\s]+");

	private RequestTextParser() {
	}

	/**
	 * The facts given in {@code body}; {@link RequestFacts#NONE} for no text. Never
	 * throws: unreadable values are missing facts.
	 */
	public static RequestFacts parse(String body) {
		if (body == null || body.isBlank()) {
			return RequestFacts.NONE;
		}
		Map<Field, String> values = values(body);
		Function<Field, String> text = values::get;
		return new RequestFacts(serviceType(firstLine(text.apply(Field.SERVICE_TYPE))),
				firstLine(text.apply(Field.SERVICE_ID)), firstLine(text.apply(Field.HOSTNAME)),
				ipAddresses(list(text.apply(Field.IP_ADDRESSES))), text.apply(Field.USE_CASE),
				text.apply(Field.APPLICATION), text.apply(Field.MAIL_SERVER_SOFTWARE), text.apply(Field.MAIL_TYPE),
				list(text.apply(Field.SENDING_DOMAINS)), text.apply(Field.WEBSITE_URL), text.apply(Field.COMPANY_INFO),
				volume(text.apply(Field.EXPECTED_DAILY_VOLUME)), volume(text.apply(Field.EXPECTED_MONTHLY_VOLUME)),
				recipientType(text.apply(Field.RECIPIENT_TYPE)), text.apply(Field.RECIPIENT_SOURCE),
				answer(text.apply(Field.OPT_IN_CONFIRMED)), text.apply(Field.ABUSE_CONTROLS),
				configuration(text.apply(Field.SPF_CONFIGURED)), configuration(text.apply(Field.DKIM_CONFIGURED)),
				configuration(text.apply(Field.DMARC_CONFIGURED)), configuration(text.apply(Field.RDNS_CONFIGURED)),
				answer(text.apply(Field.RDNS_MATCHES_HOSTNAME)), text.apply(Field.SUBMISSION_PORTS_INSUFFICIENT_REASON),
				text.apply(Field.NOTES));
	}

	/**
	 * The first line of a value that is one word or name: a line after it is not part of
	 * it, but text under a label the format does not have ("Why ports 465/587 are not
	 * sufficient: ..."), which runs on to the next known label.
	 */
	private static String firstLine(String value) {
		return (value == null) ? null : value.lines().findFirst().map(String::strip).orElse(null);
	}

	/**
	 * A value runs from its label to the next known label. Text before the first label (a
	 * greeting) belongs to no fact. When a label is repeated, the first given value wins:
	 * a label quoted later inside a free-text value must not overwrite the real answer.
	 */
	private static Map<Field, String> values(String body) {
		// Text pasted from web pages and office documents often has non-breaking spaces
		// between label words.
		String text = body.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
		Map<Field, String> values = new EnumMap<>(Field.class);
		Matcher matcher = LABEL.matcher(text);
		Field field = null;
		int valueStart = 0;
		while (matcher.find()) {
			putIfGiven(values, field, text.substring(valueStart, matcher.start()));
			field = FIELDS_BY_LABEL.get(key(matcher.group("label")));
			valueStart = matcher.end();
		}
		putIfGiven(values, field, text.substring(valueStart));
		return values;
	}

	private static void putIfGiven(Map<Field, String> values, Field field, String value) {
		String given = given(value);
		if (field != null && given != null) {
			values.putIfAbsent(field, given);
		}
	}

	/**
	 * The value without surrounding spaces and the separators some customers put between
	 * fields on one line.
	 */
	private static String given(String value) {
		int end = value.length();
		while (end > 0 && isTrailingFiller(value.charAt(end - 1))) {
			end--;
		}
		String trimmed = value.substring(0, end).strip();
		return MISSING.contains(trimmed.toLowerCase(Locale.ROOT)) ? null : trimmed;
	}

	private static boolean isTrailingFiller(char character) {
		return Character.isWhitespace(character) || ",;|".indexOf(character) >= 0;
	}

	private static ServiceType serviceType(String value) {
		if (value == null) {
			return null;
		}
		try {
			return ServiceType.fromContractName(value.replaceAll("[\\s-]+", ""));
		}
		catch (IllegalArgumentException ex) {
			// Not a contract name: the completeness check asks for the service type
			// again.
			return null;
		}
	}

	/**
	 * The policy's own phrasing ("own users/customers only, internal systems, or broader
	 * public recipients"), the question's ("own customers, internal or public"), the
	 * contract's names and their obvious variants. A value that names more than one kind
	 * (the template's own list of choices) is unanswered.
	 */
	private static RecipientType recipientType(String value) {
		if (value == null) {
			return null;
		}
		Set<String> words = Arrays.stream(value.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
			.collect(Collectors.toSet());
		List<RecipientType> named = Arrays.stream(RecipientType.values())
			.filter((type) -> RECIPIENT_WORDS.get(type).stream().anyMatch(words::contains))
			.toList();
		if (named.isEmpty() && words.contains("users")) {
			// "users" alone are the customer's own; "internal users" are internal
			return RecipientType.OWN_CUSTOMERS;
		}
		return (named.size() == 1) ? named.get(0) : null;
	}

	/**
	 * Yes, no, or the policy's third answer for SPF, DKIM, DMARC and rDNS: it "will be
	 * configured before sending".
	 */
	private static ConfigurationState configuration(String value) {
		if (value != null && value.length() <= 60 && BEFORE_SENDING.matcher(value).find()) {
			return ConfigurationState.BEFORE_SENDING;
		}
		Boolean answer = answer(value);
		return (answer == null) ? null : (answer ? ConfigurationState.CONFIGURED : ConfigurationState.NOT_CONFIGURED);
	}

	/**
	 * Only a clear answer on the value's first line counts; anything else (the template's
	 * own "Yes / No", a sentence) is unanswered and will be asked again.
	 */
	private static Boolean answer(String given) {
		String value = firstLine(given);
		if (value == null || value.length() > 20) {
			return null;
		}
		String answer = value.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").replaceAll("\\s+", " ").strip();
		if (YES.contains(answer)) {
			return true;
		}
		return NO.contains(answer) ? false : null;
	}

	/**
	 * The first number in the value; a range counts with its upper bound, so that review
	 * sees the worst case.
	 */
	private static Long volume(String value) {
		if (value == null) {
			return null;
		}
		Matcher matcher = VOLUME.matcher(value);
		if (!matcher.find()) {
			return null;
		}
		BigDecimal from = number(matcher.group("from"), matcher.group("fromK") != null);
		BigDecimal to = (matcher.group("to") != null) ? number(matcher.group("to"), matcher.group("toK") != null)
				: from;
		return wholeNumber(from.max(to));
	}

	private static BigDecimal number(String digits, boolean thousands) {
		BigDecimal number = THOUSANDS.matcher(digits).matches() ? new BigDecimal(digits.replaceAll("\\D", ""))
				: new BigDecimal(digits.replace(',', '.'));
		return thousands ? number.multiply(THOUSAND) : number;
	}

	private static Long wholeNumber(BigDecimal number) {
		BigDecimal whole = number.stripTrailingZeros();
		if (whole.scale() > 0 || whole.compareTo(LARGEST) > 0) {
			return null;
		}
		return whole.longValue();
	}

	private static List<String> list(String value) {
		if (value == null) {
			return null;
		}
		List<String> items = LIST_SEPARATOR.splitAsStream(value)
			.filter(RequestTextParser::isListItem)
			.distinct()
			.toList();
		return items.isEmpty() ? null : items;
	}

	/**
	 * Only IP literals: anything else in the free text ("see ticket", "300.1.2.3") is not
	 * an address, so the completeness check asks for the addresses again rather than a
	 * bad one reaching network automation.
	 */
	private static List<String> ipAddresses(List<String> items) {
		if (items == null) {
			return null;
		}
		List<String> addresses = items.stream().filter(IpLiteral.Validator::isIpLiteral).toList();
		return addresses.isEmpty() ? null : addresses;
	}

	/**
	 * Leftover bullets and joining words ("a.com and b.com") are not addresses or
	 * domains.
	 */
	private static boolean isListItem(String item) {
		return item.codePoints().anyMatch(Character::isLetterOrDigit) && !item.equalsIgnoreCase("and");
	}

	/**
	 * One alternation of all labels, longest first, so that a label is never cut short by
	 * one it starts with.
	 */
	private static String labelAlternation() {
		return Arrays.stream(Field.values())
			.flatMap((field) -> field.labels.stream())
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(RequestTextParser::labelRegex)
			.collect(Collectors.joining("|"));
	}

	/**
	 * The label with any run of spaces between its words, and optional spaces around a
	 * slash.
	 */
	private static String labelRegex(String label) {
		return Arrays.stream(label.replace(" / ", "/").split(" "))
			.map((word) -> Stream.of(word.split("/", -1)).map(Pattern::quote).collect(Collectors.joining("\\s*/\\s*")))
			.collect(Collectors.joining("\\s+"));
	}

	/** The spelling-independent form of a label, as matched or as defined. */
	private static String key(String label) {
		return label.toLowerCase(Locale.ROOT).replaceAll("\\s*/\\s*", "/").replaceAll("\\s+", " ");
	}

	/** The facts of the recommended format, each with the labels customers use for it. */
	private enum Field {

		SERVICE_TYPE("Service Type"),

		SERVICE_ID("Service ID / Device ID", "Service ID", "Device ID"),

		HOSTNAME("Hostname"),

		IP_ADDRESSES("IP Address(es)", "IP Addresses", "IP Address"),

		USE_CASE("Reason port 25 is needed"),

		APPLICATION("Application or platform sending mail"),

		MAIL_SERVER_SOFTWARE("Mail server software"),

		SENDING_DOMAINS("Sending domain(s)", "Sending domains", "Sending domain"),

		WEBSITE_URL("Website URL"),

		COMPANY_INFO("Company information"),

		MAIL_TYPE("Type of email being sent"),

		EXPECTED_DAILY_VOLUME("Expected daily volume"),

		EXPECTED_MONTHLY_VOLUME("Expected monthly volume"),

		RECIPIENT_TYPE("Recipient type"),

		RECIPIENT_SOURCE("How recipients are obtained"),

		OPT_IN_CONFIRMED("Recipients opted in", "Recipients have opted in", "Opt-in confirmed", "Opt-in"),

		ABUSE_CONTROLS("Abuse prevention controls in place"),

		SPF_CONFIGURED("SPF configured"),

		DKIM_CONFIGURED("DKIM configured"),

		DMARC_CONFIGURED("DMARC configured"),

		RDNS_CONFIGURED("rDNS configured"),

		RDNS_MATCHES_HOSTNAME("rDNS matches hostname", "PTR matches hostname", "Hostname alignment"),

		SUBMISSION_PORTS_INSUFFICIENT_REASON("Reason ports 465/587 cannot be used"),

		NOTES("Additional notes");

		private final List<String> labels;

		Field(String... labels) {
			this.labels = List.of(labels);
		}

	}

}
