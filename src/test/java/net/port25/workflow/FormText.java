package net.port25.workflow;

import java.util.stream.Collectors;

/**
 * A staff form's markdown text as a person reads it in Tasklist: without the emphasis,
 * list and quote marks and the escapes that keep others' words literal.
 */
public final class FormText {

	private FormText() {
	}

	public static String asRead(Object markdown) {
		return ((String) markdown).lines()
			.map((line) -> line.replaceFirst("^(- |> )", "").stripTrailing())
			.map((line) -> line.replace("**", "").replaceAll("(?<!\\\\)\\*", "").replaceAll("\\\\(.)", "$1"))
			.collect(Collectors.joining("\n"));
	}

}
