package net.port25.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

import net.port25.workflow.ApplicationConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The message catalog holds exactly the texts the code asks for, each readable with its
 * arguments filled in.
 */
class CustomerMessagesTest {

	@Test
	void hasATextForEveryMessageAndNoOtherText() throws IOException {
		Properties catalog = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			catalog.load(in);
		}

		assertThat(catalog.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(CustomerMessage.values()).map(CustomerMessage::key).toList());
	}

	@Test
	void fillsInEveryArgumentOfEveryText() {
		ApplicationConfiguration.runner()
			.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
			.withUserConfiguration(Catalog.class)
			.run((context) -> {
				CustomerMessages messages = context.getBean(CustomerMessages.class);
				for (CustomerMessage message : CustomerMessage.values()) {
					String text = messages.text(message, "first", "second", "third", "fourth", "fifth");
					assertThat(text).as(message.key()).isNotBlank().doesNotContain("{", "}", "''");
				}
				assertThat(messages.text(CustomerMessage.REJECTED, "T-1", "no abuse controls"))
					.isEqualTo("Your port 25 request T-1 was not approved. Reason: no abuse controls");
			});
	}

	@Import(CustomerMessages.class)
	static class Catalog {

	}

}
