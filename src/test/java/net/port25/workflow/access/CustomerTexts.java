package net.port25.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What makes a text readable for a customer, for the catalog's test and the end-to-end
 * tests alike.
 */
public final class CustomerTexts {

	private CustomerTexts() {
	}

	/**
	 * A text a customer reads: no ISO durations, no enum constant names, no {@code null},
	 * no placeholder left unfilled.
	 */
	public static void assertReadable(String what, String text) {
		assertThat(text).as(what)
			.isNotBlank()
			.doesNotContainPattern("\\bP(T?\\d)")
			.doesNotContainPattern("[A-Z]{2,}_[A-Z_]+")
			.doesNotContainPattern("\\bnull\\b")
			.doesNotContainPattern("\\{\\d+\\}")
			.doesNotContain("''");
		Stream.of(ServiceType.values(), AccessStatus.values(), ReasonCode.values(), Channel.values())
			.flatMap(Arrays::stream)
			.map(Enum::name)
			.forEach((name) -> assertThat(text).as(what).doesNotContainPattern("\\b" + name + "\\b"));
	}

}
