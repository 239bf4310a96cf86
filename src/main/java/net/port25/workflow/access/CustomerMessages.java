package net.port25.workflow.access;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one message catalog of what customers are told ({@code messages.properties});
 * {@link Readable} spells its arguments.
 */
@Component
public class CustomerMessages {

	private final MessageSource messages;

	CustomerMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String text(CustomerMessage message, Object... arguments) {
		return messages.getMessage(message.key(), arguments, Locale.ENGLISH);
	}

}
