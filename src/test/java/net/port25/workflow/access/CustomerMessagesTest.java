package net.port25.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

	@Test
	void rendersEveryTextWithTheArgumentsTheEngineGivesItInWordsAPersonReads() {
		ApplicationConfiguration.runner()
			.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
			.withUserConfiguration(Catalog.class)
			.run((context) -> {
				CustomerMessages messages = context.getBean(CustomerMessages.class);
				for (CustomerMessage message : CustomerMessage.values()) {
					CustomerTexts.assertReadable(message.key(),
							messages.text(message, realisticArguments(message, messages)));
				}
			});
	}

	/**
	 * The arguments the engine passes, formatted as it formats them (see the callers of
	 * each message). A switch without default: a new message does not compile until it
	 * has its arguments here.
	 */
	private static Object[] realisticArguments(CustomerMessage message, CustomerMessages messages) {
		String ref = "T-100234";
		String device = "DEV-90017";
		String ips = Readable.list(List.of("198.51.100.25", "198.51.100.26"));
		String type = ServiceType.I_COLOCATION.contractName();
		String when = Readable.dateTime(Instant.parse("2026-12-01T23:50:00Z"));
		String due = Readable.date(Instant.parse("2026-12-15T10:15:00Z"));
		String reported = messages.text(CustomerMessage.ABUSE_COMPROMISE);
		String problems = "$.serviceType: not one of \"cVirtual\", \"cMetal\", \"iColocation\" (given: \"CMETAL\")";
		return switch (message) {
			case APPROVED_STAFF_OPENS_PORT -> args(ref, type, "COLO-7781", ips);
			case APPROVED_CUSTOMER_SWITCH -> args(ref, device, ips);
			case ACCESS_ENABLED -> args(type, "COLO-7781", ips);
			case REJECTED -> args(ref, "We could not verify the sending domain");
			case DUPLICATE, CLOSED_INVENTORY_CHANGED -> args(ref, ServiceType.C_METAL.contractName(), device);
			case REQUEST_NOT_YOUR_SERVICE -> args(ref, device);
			case REVOKED_INVENTORY_CHANGED -> args(ServiceType.C_METAL.contractName(), device, when);
			case REJECTED_FOR_ABUSE -> args(ref, reported, device, when);
			case REJECTED_FOR_ABUSE_REASON -> args(reported);
			case CLOSED_NO_ANSWER, INFO_REQUESTED, REMINDER -> args(ref, due);
			case CLOSED_NO_ANSWER_REASON -> args(due);
			case REVOKED_FOR_ABUSE -> args(ServiceType.C_METAL.contractName(), device, when, reported, ref);
			case REVOKED_FOR_ABUSE_REASON -> args(reported, when);
			case REVOKED_BY_STAFF -> args(type, "COLO-7781", when, "the contract for this server ended");
			case TOGGLE_NOT_YOUR_SERVICE -> args(device);
			case TOGGLE_NOT_APPROVED, TOGGLE_NO_ACCESS -> args(device, ref);
			case TOGGLE_OPENED_BY_STAFF -> args(type, "COLO-7781");
			case TOGGLE_REVOKED -> args(device, when, messages.text(CustomerMessage.REVOKED_BECAUSE_OF_ABUSE));
			case INFORMATION_NOT_APPLIED -> args(ref, messages.text(CustomerMessage.INFORMATION_NOT_ASKED));
			case WITHDRAWAL_NOT_APPLIED -> args(ref, messages.text(CustomerMessage.REQUEST_ENDED));
			case SUBMISSION_INVALID -> args(problems);
			case RESPONSIBILITY, USE_SUBMISSION_PORTS, REAPPLY, DUPLICATE_REASON, REQUEST_NOT_YOUR_SERVICE_REASON,
					CLOSED_INVENTORY_CHANGED_REASON, REVOKED_BECAUSE_OF_ABUSE, REVOKED_BY_STAFF_DECISION,
					REVOKED_AS_SERVICE_CHANGED, INFORMATION_NOT_ASKED, REQUEST_ENDED, REQUEST_UNKNOWN, ABUSE_SPAM,
					ABUSE_COMPROMISE, ABUSE_POLICY_VIOLATION, ABUSE_BLOCKLIST ->
				args();
		};
	}

	private static Object[] args(Object... arguments) {
		return arguments;
	}

	@Import(CustomerMessages.class)
	static class Catalog {

	}

}
