package net.port25.workflow.review;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.port25.workflow.request.RequestFacts;

/**
 * Third-party mail providers whose customers submit mail on ports 465/587 and need no
 * port 25 of their own: the policy asks to use those ports first. Names are matched
 * anywhere in the request's text.
 */
final class SubmissionPortProviders {

	private record Provider(String name, Pattern mention) {
	}

	private static final List<Provider> PROVIDERS = List.of(
			provider("Microsoft 365", "microsoft\\s*365|office\\s*365|o365|exchange\\s+online|outlook\\.com"),
			provider("Google Workspace", "google\\s+workspace|g\\s*suite|gmail"), provider("Mailgun", "mailgun"),
			provider("SendGrid", "send\\s*grid"),
			provider("Amazon SES", "amazon\\s+ses|aws\\s+ses|simple\\s+email\\s+service"),
			provider("Postmark", "postmark"), provider("Mailchimp", "mailchimp|mandrill"),
			provider("SparkPost", "sparkpost"), provider("Mailjet", "mailjet"), provider("Brevo", "brevo|sendinblue"),
			provider("Zoho Mail", "zoho"));

	private SubmissionPortProviders() {
	}

	/** The first provider the request names, if any. */
	static Optional<String> namedIn(RequestFacts facts) {
		String text = Stream
			.of(facts.useCase(), facts.application(), facts.mailServerSoftware(), facts.mailType(),
					facts.submissionPortsInsufficientReason(), facts.abuseControls(), facts.recipientSource(),
					facts.companyInfo(), facts.notes(), facts.hostname())
			.filter(Objects::nonNull)
			.reduce("", (all, one) -> all + "\n" + one)
			.toLowerCase(Locale.ROOT);
		return PROVIDERS.stream()
			.filter((provider) -> provider.mention().matcher(text).find())
			.map(Provider::name)
			.findFirst();
	}

	private static Provider provider(String name, String mention) {
		return new Provider(name, Pattern.compile("\\b(?:" + mention + ")\\b"));
	}

}
