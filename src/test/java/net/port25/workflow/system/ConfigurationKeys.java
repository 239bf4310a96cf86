package net.port25.workflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which environment variables Spring Boot binds to a setting the engine understands: one
 * described by the configuration metadata of some jar on the class path (Boot, Camunda,
 * the application's own properties). A map-valued setting such as
 * {@code spring.kafka.properties} takes any variable under its name.
 */
final class ConfigurationKeys {

	private static final List<String> METADATA_RESOURCES = List.of("META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json");

	private final Set<String> exact = new TreeSet<>();

	private final Set<String> mapPrefixes = new TreeSet<>();

	private ConfigurationKeys() {
	}

	static ConfigurationKeys onTheClassPath() {
		ConfigurationKeys keys = new ConfigurationKeys();
		ObjectMapper json = new ObjectMapper();
		try {
			for (String resource : METADATA_RESOURCES) {
				Enumeration<URL> urls = ConfigurationKeys.class.getClassLoader().getResources(resource);
				while (urls.hasMoreElements()) {
					try (InputStream in = urls.nextElement().openStream()) {
						for (JsonNode property : json.readTree(in).path("properties")) {
							keys.add(property.path("name").asText(), property.path("type").asText());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return keys;
	}

	/** The variables that bind to no known setting, sorted. */
	Set<String> unknown(Collection<String> variables) {
		Set<String> unknown = new TreeSet<>();
		for (String variable : variables) {
			if (!exact.contains(variable) && mapPrefixes.stream().noneMatch(variable::startsWith)) {
				unknown.add(variable);
			}
		}
		return unknown;
	}

	private void add(String propertyName, String type) {
		for (String variable : toEnvironmentVariables(propertyName)) {
			exact.add(variable);
			if (type.startsWith("java.util.Map")) {
				mapPrefixes.add(variable + "_");
			}
		}
	}

	/**
	 * Spring Boot relaxed binding (as in its {@code SystemEnvironmentPropertyMapper}):
	 * {@code a.b-c[0].d} is bound from {@code A_BC_0_D} (canonical, dashes removed) and
	 * from {@code A_B_C_0_D} (legacy, dashes as underscores).
	 */
	private static Set<String> toEnvironmentVariables(String propertyName) {
		String underscored = propertyName.replace("[", "_").replace("]", "").replace(".", "_").toUpperCase(Locale.ROOT);
		return Set.copyOf(List.of(underscored.replace("-", ""), underscored.replace('-', '_')));
	}

}
