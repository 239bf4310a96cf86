package net.port25.workflow.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A Kafka record header's value as text: UTF-8, as CloudEvents' binary mode and the dead
 * letters' reasons write it.
 */
final class HeaderText {

	private HeaderText() {
	}

	/** The value of the last header of that name, or null if there is none. */
	static String last(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header == null || header.value() == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
