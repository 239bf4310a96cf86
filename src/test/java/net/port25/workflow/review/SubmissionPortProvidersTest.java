package net.port25.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import net.port25.workflow.intake.RequestTextParser;
import net.port25.workflow.request.RequestFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmissionPortProvidersTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Application or platform sending mail: Office 365 connector | Microsoft 365",
					"Reason port 25 is needed: relay to Microsoft 365 | Microsoft 365",
					"Mail server software: Postfix relaying to Google Workspace | Google Workspace",
					"Additional notes: we also use G Suite | Google Workspace",
					"Reason port 25 is needed: newsletters through Mailgun | Mailgun",
					"Application or platform sending mail: SendGrid SMTP | SendGrid",
					"Reason ports 465/587 cannot be used: Amazon SES is too expensive | Amazon SES",
					"Mail server software: Postfix 3.7 | ", "Reason port 25 is needed: we send ourselves | " })
	void findsTheProviderNamedAnywhereInTheRequest(String text, String provider) {
		RequestFacts facts = RequestTextParser.parse(text);

		assertThat(SubmissionPortProviders.namedIn(facts)).isEqualTo(java.util.Optional.ofNullable(provider));
	}

}
