package net.port25.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Others' words inside a staff form's markdown stay the words they wrote. */
class ReadableTest {

	@Test
	void keepsSomeoneElsesMarkupFromBecomingHeadingsLinksOrHtml() {
		assertThat(Readable.escaped("# Big *news* [click](http://x) <b>now</b> a_b|c"))
			.isEqualTo("\\# Big \\*news\\* \\[click\\](http://x) \\<b\\>now\\</b\\> a\\_b\\|c");
	}

	@Test
	void leavesAddressesAndNumbersAsTheyAre() {
		assertThat(Readable.escaped("198.51.100.25, https://example-shop.com, 4,000 (daily) - ok!"))
			.isEqualTo("198.51.100.25, https://example-shop.com, 4,000 (daily) - ok!");
	}

	@Test
	void quotesEveryLineAndKeepsTheLineBreaks() {
		assertThat(Readable.quoted("Only customers who ticked the box.\n# We confirm by email."))
			.isEqualTo("> Only customers who ticked the box.  \n> \\# We confirm by email.  ");
	}

}
