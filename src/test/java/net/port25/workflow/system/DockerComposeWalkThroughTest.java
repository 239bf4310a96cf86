package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The README's Docker Compose walk-through, read line by line and checked against
 * {@code docker-compose.yml} and the application's configuration: what it exports is what
 * Compose requires, every {@code localhost} port it uses is published by the service it
 * means, its topics exist, and the customer token it fetches is one the engine accepts.
 * No Docker engine runs in the build, so this is as far as the walk-through can be
 * checked here.
 */
class DockerComposeWalkThroughTest {

	private static final Path EXAMPLES = Path.of("src", "test", "resources", "contract", "examples");

	private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):\\?");

	private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)}");

	private static final Pattern TOKEN_URL = Pattern.compile("http://localhost:(\\d+)/([\\w-]+)/token");

	private final ObjectMapper json = new ObjectMapper();

	private List<String> walkThrough;

	private Map<String, Object> compose;

	private Map<String, Object> application;

	@BeforeEach
	void readTheWalkThroughAndTheFilesItRunsOn() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String section = readme.substring(readme.indexOf("\n## Docker Compose\n"));
		section = section.substring(0, section.indexOf("\n## ", 1));
		String block = section.substring(section.indexOf("```sh\n") + 6,
				section.indexOf("\n```", section.indexOf("```sh")));
		walkThrough = Arrays.stream(block.replace("\\\n", " ").split("\n")).map(String::strip).toList();
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		compose = yaml.load(Files.readString(Path.of("docker-compose.yml")));
		application = yaml.load(Files.readString(Path.of("src", "main", "resources", "application.yaml")));
	}

	@Test
	void buildsTheImageComposeRunsAndExportsEveryVariableComposeRequiresBeforeStartingIt() throws IOException {
		String pom = Files.readString(Path.of("pom.xml"));
		String image = match(pom, "<image.name>([^<]+)</image.name>") + ":"
				+ match(pom, "<artifactId>port25-workflow</artifactId>\\s*<version>([^<]+)</version>");
		assertThat(line("./mvnw jib:dockerBuild")).isNotNull();
		assertThat(service("engine").get("image")).isEqualTo(image);

		Set<String> required = new TreeSet<>();
		Matcher reference = REQUIRED.matcher(Files.readString(Path.of("docker-compose.yml")));
		while (reference.find()) {
			required.add(reference.group(1));
		}
		int up = walkThrough.indexOf(line("docker compose up"));
		String exported = line("export ");
		assertThat(walkThrough.indexOf(exported)).isLessThan(up);
		assertThat(required).isNotEmpty().allSatisfy(variable -> assertThat(exported).contains(variable + "="));
		assertThat(line("docker compose up")).contains("--wait");
	}

	@Test
	void usesOnlyPortsTheServicesItMeansPublish() {
		assertThat(portsUsed("kcat ", "-b localhost:(\\d+)")).isNotEmpty()
			.allSatisfy(port -> assertThat(published("kafka")).contains(port));
		assertThat(portsUsed("/token", "localhost:(\\d+)/")).singleElement()
			.satisfies(port -> assertThat(published("oidc")).contains(port));
		assertThat(portsUsed("/api/", "localhost:(\\d+)/api/")).isNotEmpty()
			.allSatisfy(port -> assertThat(published("engine")).contains(port));
		assertThat(portsUsed("/engine-rest/", "localhost:(\\d+)/engine-rest/"))
			.allSatisfy(port -> assertThat(published("engine")).contains(port));
		Object managementPort = ((Map<?, ?>) ((Map<?, ?>) application.get("management")).get("server")).get("port");
		assertThat(portsUsed("/actuator/", "localhost:(\\d+)/actuator/")).singleElement()
			.satisfies(port -> assertThat(port).isEqualTo(String.valueOf(managementPort)))
			.satisfies(port -> assertThat(published("engine")).contains(port));
	}

	@Test
	void publishesAndReadsOnlyTopicsTheEngineHas() {
		Map<?, ?> topics = (Map<?, ?>) ((Map<?, ?>) application.get("port25")).get("topics");
		List<String> names = topics.values().stream().map(String::valueOf).toList();

		assertThat(matches("kcat ", "-t (\\S+)")).isNotEmpty().allSatisfy(topic -> assertThat(names).contains(topic));
	}

	@Test
	void fetchesACustomerTokenThatTheEngineChecksAgainstTheLocalIssuer() throws IOException {
		Matcher tokenUrl = TOKEN_URL.matcher(line("/token"));
		assertThat(tokenUrl.find()).isTrue();
		String issuerId = tokenUrl.group(2);
		Map<String, String> engine = environment("engine");

		assertThat(defaulted(engine.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")))
			.isEqualTo("http://localhost:" + tokenUrl.group(1) + "/" + issuerId);
		String oidcPort = containerPort("oidc", tokenUrl.group(1));
		assertThat(defaulted(engine.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")))
			.isEqualTo("http://oidc:" + oidcPort + "/" + issuerId + "/jwks");
		assertThat(environment("oidc")).containsEntry("SERVER_PORT", oidcPort);

		JsonNode issuer = issuer(issuerId);
		String customerIdClaim = (String) ((Map<?, ?>) ((Map<?, ?>) application.get("port25")).get("security"))
			.get("customer-id-claim");
		assertThat(issuer.at("/requestMappings/0/claims/" + customerIdClaim).asText()).isEqualTo("${clientId}");
	}

	@Test
	void actsAsTheCustomerOfTheRequestItSubmits() throws IOException {
		String customerId = match(line("/token"), "client_id=(\\S+)");
		JsonNode submitted = json.readTree(EXAMPLES.resolve(match(line("submitted-"), "\\$E/(\\S+)").strip()).toFile())
			.get("data");

		assertThat(submitted.get("customerId").asText()).isEqualTo(customerId);
		assertThat(line("/api/requests/")).endsWith("/api/requests/" + submitted.get("requestRef").asText());
		assertThat(line("/api/services/")).contains("/api/services/" + submitted.get("serviceId").asText() + "/access");
		assertThat(matches("kcat -P", "\\$E/(\\S+)"))
			.allSatisfy(example -> assertThat(EXAMPLES.resolve(example)).exists());
	}

	private JsonNode issuer(String issuerId) throws IOException {
		// Compose turns $$ into $ before the issuer reads its configuration
		JsonNode config = json.readTree(environment("oidc").get("JSON_CONFIG").replace("$$", "$"));
		for (JsonNode callback : config.get("tokenCallbacks")) {
			if (callback.get("issuerId").asText().equals(issuerId)) {
				return callback;
			}
		}
		throw new AssertionError("the local issuer has no issuer id " + issuerId + ": " + config);
	}

	/** The first line of the walk-through that contains the text. */
	private String line(String text) {
		return walkThrough.stream()
			.filter(line -> line.contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line of the walk-through contains " + text));
	}

	private List<String> matches(String linesWith, String pattern) {
		List<String> found = new ArrayList<>();
		for (String line : walkThrough) {
			if (line.contains(linesWith)) {
				Matcher matcher = Pattern.compile(pattern).matcher(line);
				while (matcher.find()) {
					found.add(matcher.group(1));
				}
			}
		}
		return found;
	}

	private List<String> portsUsed(String linesWith, String pattern) {
		return matches(linesWith, pattern).stream().distinct().toList();
	}

	/** The host ports a service publishes ({@code [ip:]host:container}). */
	private List<String> published(String name) {
		return ((List<?>) service(name).get("ports")).stream().map(String::valueOf).map(mapping -> {
			String[] parts = mapping.split(":");
			return parts[parts.length - 2];
		}).toList();
	}

	private String containerPort(String name, String hostPort) {
		return ((List<?>) service(name).get("ports")).stream()
			.map(String::valueOf)
			.map(mapping -> mapping.split(":"))
			.filter(parts -> parts[parts.length - 2].equals(hostPort))
			.map(parts -> parts[parts.length - 1])
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> service(String name) {
		return (Map<String, Object>) ((Map<?, ?>) compose.get("services")).get(name);
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> environment(String name) {
		return (Map<String, String>) service(name).get("environment");
	}

	/** A value as Compose interpolates it when the variable is not set. */
	private static String defaulted(String value) {
		return DEFAULTED.matcher(value).replaceAll("$1");
	}

	private static String match(String text, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

}
