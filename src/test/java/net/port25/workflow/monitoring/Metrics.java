package net.port25.workflow.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /actuator/prometheus} (Prometheus text format), read into series:
 * name, labels, value.
 */
record Metrics(List<Series> all) {

	record Series(String name, Map<String, String> labels, double value) {
	}

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	static Metrics parse(String text) {
		List<Series> series = new ArrayList<>();
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(2) != null) {
				Matcher label = LABEL.matcher(sample.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			series.add(new Series(sample.group(1), labels, Double.parseDouble(sample.group(3))));
		}
		return new Metrics(series);
	}

	List<Series> series(String name) {
		return all.stream().filter((series) -> series.name().equals(name)).toList();
	}

	/**
	 * The value of the one series with this name whose labels include these; {@code null}
	 * if there is none.
	 */
	Double value(String name, Map<String, String> labels) {
		List<Series> matching = series(name).stream()
			.filter((series) -> series.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
		if (matching.size() > 1) {
			throw new IllegalStateException(matching.size() + " series " + name + labels + ": " + matching);
		}
		return matching.isEmpty() ? null : matching.get(0).value();
	}

}
