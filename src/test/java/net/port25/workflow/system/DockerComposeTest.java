package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Static checks of {@code docker-compose.yml}: there is no Docker engine in the build, so
 * the file is parsed and its wiring is compared with what the engine really understands.
 */
class DockerComposeTest {

	private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");

	/** Engine variables read by the JVM itself, not by Spring configuration binding. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	/** {@code ${NAME:?message}}: Compose refuses to start when NAME is unset or empty. */
	private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?[^}]*}");

	/** {@code ${NAME:-default}}: the default unless NAME is set. */
	private static final Pattern DEFAULTED_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)}");

	private Map<String, Object> compose;

	@BeforeEach
	void loadComposeFile() throws IOException {
		try (Reader reader = Files.newBufferedReader(COMPOSE_FILE, StandardCharsets.UTF_8)) {
			compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
	}

	@Test
	void declaresPostgresKafkaAndEngineServicesWithoutObsoleteVersionKey() {
		assertThat(compose).doesNotContainKey("version");
		assertThat(services()).containsKeys("postgres", "kafka", "oidc", "engine");
	}

	@Test
	void restartsEveryServiceUnlessItWasStopped() {
		services().forEach((name, definition) -> assertThat(map(definition)).as("service %s", name)
			.containsEntry("restart", "unless-stopped"));
	}

	@Test
	void checksTheEnginesHealthWithItsOwnClassesOnTheReadinessProbe() throws ClassNotFoundException {
		List<?> test = list(map(map(services().get("engine")).get("healthcheck")).get("test"));

		assertThat(test).map(String::valueOf)
			.containsExactly("CMD", "java", "-cp", "/app/classes", ContainerHealthCheck.class.getName(),
					"http://127.0.0.1:8080/readyz");
		// Jib puts the application's classes there, the entry point runs them from there
		assertThat(Class.forName(String.valueOf(test.get(4)))).hasDeclaredMethods("main");
	}

	@Test
	void checksCustomerTokensAgainstTheLocalIssuerUnlessARealOneIsGiven() {
		Map<String, String> engine = environment("engine");

		assertThat(engine)
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI",
					"${PORT25_JWT_ISSUER_URI:-http://localhost:8090/port25}")
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
					"${PORT25_JWT_JWK_SET_URI:-http://oidc:8080/port25/jwks}");
		assertThat(image("oidc")).startsWith("ghcr.io/navikt/mock-oauth2-server:");
		assertThat(list(map(services().get("oidc")).get("ports"))).map(String::valueOf)
			.containsExactly("127.0.0.1:8090:8080");
	}

	@Test
	void pinsEveryImageToAnExplicitTag() {
		services().forEach((name, definition) -> {
			String image = String.valueOf(map(definition).get("image"));
			String tag = image.substring(image.lastIndexOf('/') + 1);
			assertThat(tag).as("image of service %s", name).contains(":");
			assertThat(tag.substring(tag.indexOf(':') + 1)).as("tag of service %s", name)
				.isNotBlank()
				.isNotEqualToIgnoringCase("latest");
		});
		assertThat(image("postgres")).startsWith("postgres:16.");
		assertThat(image("engine")).startsWith("port25-workflow:");
	}

	@Test
	void runsKafkaInKraftModeWithoutZookeeper() {
		assertThat(image("kafka")).startsWith("apache/kafka:");
		Map<String, String> kafka = environment("kafka");
		assertThat(Arrays.stream(kafka.getOrDefault("KAFKA_PROCESS_ROLES", "").split(",")).map(String::trim))
			.contains("broker", "controller");
		assertThat(kafka).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
		services().forEach((name, definition) -> {
			assertThat(name).doesNotContainIgnoringCase("zookeeper");
			assertThat(String.valueOf(map(definition).get("image"))).doesNotContainIgnoringCase("zookeeper");
		});
	}

	@Test
	void checksEveryEngineVariableNamesAnExistingConfigurationKey() throws IOException {
		Set<String> variables = new TreeSet<>(environment("engine").keySet());
		variables.removeAll(JVM_VARIABLES);

		assertThat(variables).isNotEmpty();
		assertThat(unknownVariables(variables))
			.as("engine variables that match no property in any spring-configuration-metadata.json")
			.isEmpty();
	}

	@Test
	void reportsAMisspelledVariableAsUnknown() throws IOException {
		assertThat(unknownVariables(List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_URLL")))
			.containsExactly("SPRING_DATASOURCE_URLL");
		assertThat(unknownVariables(List.of("SPRING_KAFKA_BOOTSTRAPSERVERS", "SPRING_KAFKA_BOOTSTRAP_SERVERS",
				"SPRING_KAFKA_BOOTSTRAP_SERVER")))
			.containsExactly("SPRING_KAFKA_BOOTSTRAP_SERVER");
	}

	@Test
	void takesEveryPasswordFromTheEnvironmentOfTheCaller() {
		services().keySet().forEach(service -> environment(service).forEach((name, value) -> {
			if (name.toUpperCase(Locale.ROOT).contains("PASSWORD")) {
				assertThat(value).as("%s of service %s", name, service).matches(REQUIRED_REFERENCE);
			}
		}));
		assertThat(environment("engine").get("SPRING_DATASOURCE_PASSWORD"))
			.isEqualTo(environment("postgres").get("POSTGRES_PASSWORD"));
	}

	@Test
	void startsTheEngineWithTheProductionProfileOnceItsDependenciesAreHealthy() {
		Map<String, Object> engine = map(services().get("engine"));
		Map<String, Object> dependsOn = map(engine.get("depends_on"));
		for (String dependency : List.of("postgres", "kafka")) {
			assertThat(map(dependsOn.get(dependency))).as("engine depends_on %s", dependency)
				.containsEntry("condition", "service_healthy");
			assertThat(map(services().get(dependency)))
				.as("service %s needs a healthcheck to become healthy", dependency)
				.containsKey("healthcheck");
		}
		assertThat(list(engine.get("ports"))).map(String::valueOf).contains("8080:8080");
		assertThat(environment("engine")).containsEntry("SPRING_PROFILES_ACTIVE", "production");
	}

	@Test
	void givesTheProductionProfileEverythingItsSafetyCheckAsksFor() throws IOException {
		Map<String, Object> variables = new LinkedHashMap<>();
		// what an operator passes for every ${NAME:?...}: a value that is present, strong
		// and its own
		environment("engine").forEach((name, value) -> variables.put(name,
				DEFAULTED_REFERENCE
					.matcher(REQUIRED_REFERENCE.matcher(value)
						.replaceAll("https://" + name.toLowerCase(Locale.ROOT) + "/Xq7!vR2"))
					.replaceAll("$1")));
		StandardEnvironment engine = new StandardEnvironment();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("application-production.yaml",
				new ClassPathResource("application-production.yaml"))) {
			engine.getPropertySources().addLast(source);
		}
		engine.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(engine);

		assertThatNoException().isThrownBy(() -> ProductionSafetyCheck.check(engine));
		assertThat(engine.getProperty(ProductionSafetyCheck.ISSUER_URI))
			.isEqualTo(variables.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"));
	}

	private static Set<String> unknownVariables(Collection<String> variables) {
		return ConfigurationKeys.onTheClassPath().unknown(variables);
	}

	private Map<String, Object> services() {
		return map(compose.get("services"));
	}

	private String image(String service) {
		return String.valueOf(map(services().get(service)).get("image"));
	}

	/**
	 * A service's environment, in either the mapping or the {@code NAME=value} list
	 * syntax.
	 */
	private Map<String, String> environment(String service) {
		Object environment = map(services().get(service)).get("environment");
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> mapping) {
			mapping.forEach(
					(name, value) -> variables.put(String.valueOf(name), value == null ? "" : String.valueOf(value)));
		}
		else {
			for (Object entry : list(environment)) {
				String[] nameAndValue = String.valueOf(entry).split("=", 2);
				variables.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
			}
		}
		return variables;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	private static List<?> list(Object node) {
		if (node == null) {
			return List.of();
		}
		assertThat(node).isInstanceOf(List.class);
		return (List<?>) node;
	}

}
