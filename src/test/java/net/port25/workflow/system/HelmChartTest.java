package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Lints and renders {@code helm/port25-workflow} with the Helm library bundled in
 * helm-java (no cluster, no helm binary) and checks the rendered manifests.
 */
class HelmChartTest {

	private static final Path CHART = Paths.get("helm/port25-workflow");

	private static final String SECRET = "p25-creds";

	private static final String DATABASE_URL = "jdbc:postgresql://db:5432/port25";

	private static final String ISSUER = "https://login.example.net/realms/port25";

	private static final List<String> SECRET_VARIABLES = List.of("SPRING_DATASOURCE_USERNAME",
			"SPRING_DATASOURCE_PASSWORD", "CAMUNDA_BPM_ADMIN_USER_ID", "CAMUNDA_BPM_ADMIN_USER_PASSWORD");

	/** A release with three replicas and the chart's defaults otherwise. */
	private static List<Map<String, Object>> release;

	@BeforeAll
	static void renderThreeReplicas() {
		release = parse(validRelease().set("replicaCount", "3").call());
	}

	@Test
	void passesStrictHelmLint() {
		LintResult result = new Helm(CHART).lint().strict().call();

		assertThat(result.isFailed()).as("lint messages %s", result.getMessages()).isFalse();
		assertThat(result.getMessages()).noneMatch(message -> message.contains("[ERROR]"));
	}

	@Test
	void rendersTheRequestedNumberOfReplicas() {
		assertThat(spec(resource("Deployment"))).containsEntry("replicas", 3);
	}

	@Test
	void pinsTheImageToTheChartAppVersionRatherThanLatest() {
		String image = (String) container().get("image");

		assertThat(image).isEqualTo("port25-workflow:0.1.0-SNAPSHOT");
		assertThat(image).doesNotEndWith(":latest");
	}

	@Test
	void refusesTheLatestImageTag() {
		assertThatThrownBy(() -> validRelease().set("image.tag", "latest").call()).hasMessageContaining("image.tag");
	}

	@Test
	void probesTheSpringBootHealthGroupsOnTheHttpPort() {
		Map<String, Object> container = container();

		assertThat(httpGet(container, "startupProbe")).containsEntry("path", "/actuator/health/liveness")
			.containsEntry("port", "http");
		assertThat(httpGet(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness")
			.containsEntry("port", "http");
		assertThat(httpGet(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness")
			.containsEntry("port", "http");
		assertThat((Integer) map(container.get("startupProbe")).get("failureThreshold")).isGreaterThanOrEqualTo(30);
		assertThat(list(container.get("ports"))).singleElement()
			.satisfies(
					port -> assertThat(map(port)).containsEntry("name", "http").containsEntry("containerPort", 8080));
	}

	@Test
	void runsAsNonRootWithAReadOnlyRootFilesystem() {
		Map<String, Object> pod = map(podSpec().get("securityContext"));
		Map<String, Object> container = map(container().get("securityContext"));

		assertThat(pod).containsEntry("runAsNonRoot", true)
			.containsEntry("runAsUser", 10001)
			.containsEntry("runAsGroup", 10001)
			.containsEntry("fsGroup", 10001);
		assertThat(container).containsEntry("runAsNonRoot", true)
			.containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false)
			.containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
		assertThat(map(container.get("capabilities"))).containsEntry("drop", List.of("ALL"));
	}

	@Test
	void disablesServiceLinksSoTheirVariablesCannotOverrideSpringSettings() {
		assertThat(podSpec()).containsEntry("enableServiceLinks", false);
	}

	@Test
	void givesTomcatAWritableTmpDespiteTheReadOnlyRootFilesystem() {
		assertThat(volumeMount("tmp")).containsEntry("mountPath", "/tmp");
		assertThat(volume("tmp")).containsKey("emptyDir");
	}

	@Test
	void takesEveryCredentialFromTheExistingSecret() {
		for (String variable : SECRET_VARIABLES) {
			Map<String, Object> entry = env(variable);
			assertThat(entry).as(variable).doesNotContainKey("value");
			assertThat(map(map(entry.get("valueFrom")).get("secretKeyRef"))).as(variable)
				.containsEntry("name", SECRET)
				.hasEntrySatisfying("key", key -> assertThat((String) key).isNotBlank());
		}
		assertThat(map(map(env("SPRING_DATASOURCE_PASSWORD").get("valueFrom")).get("secretKeyRef")))
			.containsEntry("key", "database-password");
	}

	@Test
	void readsCredentialsFromConfigurableSecretKeys() {
		List<Map<String, Object>> manifests = parse(
				validRelease().set("existingSecret.keys.adminUserPassword", "camunda-admin-password").call());

		Map<String, Object> entry = env(manifests, "CAMUNDA_BPM_ADMIN_USER_PASSWORD");

		assertThat(map(map(entry.get("valueFrom")).get("secretKeyRef"))).containsEntry("key", "camunda-admin-password");
	}

	@Test
	void neverPutsAPasswordInAPlainValue() {
		assertThat(envEntries(release))
			.filteredOn(entry -> String.valueOf(entry.get("name")).toUpperCase().contains("PASSWORD"))
			.hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy(entry -> assertThat(entry).doesNotContainKey("value").containsKey("valueFrom"));
	}

	@Test
	void passesConnectionSettingsAndProfileAsEnvironment() {
		assertThat(env("SPRING_PROFILES_ACTIVE")).containsEntry("value", "production");
		assertThat(env("SPRING_DATASOURCE_URL")).containsEntry("value", DATABASE_URL);
		assertThat(env("SPRING_KAFKA_BOOTSTRAP_SERVERS")).containsEntry("value", "kafka:9092");
		assertThat(env("JAVA_TOOL_OPTIONS")).containsEntry("value", "-XX:MaxRAMPercentage=75");
	}

	@Test
	void authenticatesToTheBrokersWithScramFromTheExistingSecret() {
		List<Map<String, Object>> manifests = parse(validRelease().set("kafka.securityProtocol", "SASL_SSL").call());

		assertThat(env(manifests, "SPRING_KAFKA_SECURITY_PROTOCOL")).containsEntry("value", "SASL_SSL");
		assertThat(env(manifests, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).containsEntry("value", "SCRAM-SHA-512");
		assertThat(map(map(env(manifests, "KAFKA_PASSWORD").get("valueFrom")).get("secretKeyRef")))
			.containsEntry("name", SECRET)
			.containsEntry("key", "kafka-password");
		assertThat((String) env(manifests, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").get("value"))
			.contains("ScramLoginModule")
			.contains("password=\"$(KAFKA_PASSWORD)\"");
	}

	@Test
	void authenticatesToTheBrokersWithItsOwnCertificateForMutualTls() {
		List<Map<String, Object>> manifests = parse(validRelease().set("kafka.securityProtocol", "SSL")
			.set("kafka.tls.secretName", "port25-kafka-tls")
			.call());

		assertThat(env(manifests, "SPRING_KAFKA_SSL_KEYSTORELOCATION")).containsEntry("value",
				"file:/kafka-tls/keystore.p12");
		assertThat(env(manifests, "SPRING_KAFKA_SSL_TRUSTSTORELOCATION")).containsEntry("value",
				"file:/kafka-tls/truststore.p12");
		assertThat(map(map(env(manifests, "SPRING_KAFKA_SSL_KEYSTOREPASSWORD").get("valueFrom")).get("secretKeyRef")))
			.containsEntry("key", "kafka-keystore-password");
		assertThat(envEntries(manifests)).noneSatisfy(
				(entry) -> assertThat(String.valueOf(entry.get("name"))).startsWith("SPRING_KAFKA_PROPERTIES_SASL"));
	}

	@Test
	void speaksPlainTextToTheBrokersOnlyWhenToldNothingElse() {
		assertThat(env("SPRING_KAFKA_SECURITY_PROTOCOL")).containsEntry("value", "PLAINTEXT");
		assertThat(envEntries(release)).noneSatisfy(
				(entry) -> assertThat(String.valueOf(entry.get("name"))).startsWith("SPRING_KAFKA_PROPERTIES_SASL"));
		assertThatThrownBy(() -> validRelease().set("kafka.securityProtocol", "KERBEROS").call())
			.hasMessageContaining("securityProtocol");
	}

	@Test
	void appendsExtraEnvironmentFromValues() {
		List<Map<String, Object>> manifests = parse(
				validRelease().set("extraEnv[0].name", "LOGGING_LEVEL_ROOT").set("extraEnv[0].value", "WARN").call());

		assertThat(env(manifests, "LOGGING_LEVEL_ROOT")).containsEntry("value", "WARN");
	}

	@Test
	void mountsTheConfigMapAsAdditionalSpringConfiguration() {
		assertThat(env("SPRING_CONFIG_ADDITIONAL_LOCATION")).containsEntry("value", "optional:file:/config/");
		assertThat(volumeMount("config")).containsEntry("mountPath", "/config");
		assertThat(map(volume("config").get("configMap"))).containsEntry("name",
				metadata(resource("ConfigMap")).get("name"));
	}

	@Test
	void configuresTheTopicsInTheApplicationYaml() {
		Map<String, Object> data = map(resource("ConfigMap").get("data"));
		Map<String, Object> applicationYaml = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load((String) data.get("application.yaml"));

		assertThat(map(map(applicationYaml.get("port25")).get("topics"))).containsEntry("requests", "port25.requests")
			.containsEntry("dashboard-toggles", "port25.dashboard.toggles")
			.containsEntry("abuse-events", "port25.abuse.events")
			.containsEntry("replies", "port25.replies")
			.containsEntry("network-commands", "port25.network.commands")
			.containsEntry("access-changes", "port25.access.changes")
			.containsEntry("partitions", 6)
			.containsEntry("replication-factor", 3);
	}

	@Test
	void rollsThePodsWhenTheConfigurationChanges() {
		String checksum = checksum(release);
		String changed = checksum(
				parse(validRelease().set("replicaCount", "3").set("config.port25.topics.partitions", "12").call()));

		assertThat(checksum).matches("[0-9a-f]{64}");
		assertThat(changed).matches("[0-9a-f]{64}").isNotEqualTo(checksum);
	}

	@Test
	void exposesTheHttpPortThroughAClusterIpService() {
		Map<String, Object> service = spec(resource("Service"));

		assertThat(service).containsEntry("type", "ClusterIP");
		assertThat(list(service.get("ports"))).singleElement()
			.satisfies(port -> assertThat(map(port)).containsEntry("port", 8080).containsEntry("targetPort", "http"));
		assertThat(podLabels()).containsAllEntriesOf(map(service.get("selector")));
	}

	@Test
	void runsThePodsUnderTheirOwnServiceAccountWithoutAToken() {
		Map<String, Object> serviceAccount = resource("ServiceAccount");

		assertThat(serviceAccount).containsEntry("automountServiceAccountToken", false);
		assertThat(podSpec()).containsEntry("serviceAccountName", metadata(serviceAccount).get("name"))
			.containsEntry("automountServiceAccountToken", false);
	}

	@Test
	void keepsOnePodAvailableDuringVoluntaryDisruptions() {
		Map<String, Object> budget = spec(resource("PodDisruptionBudget"));

		assertThat(budget).containsEntry("minAvailable", 1).doesNotContainKey("maxUnavailable");
		assertThat(podLabels()).containsAllEntriesOf(map(map(budget.get("selector")).get("matchLabels")));
	}

	@Test
	void usesMaxUnavailableInsteadOfMinAvailableWhenSet() {
		List<Map<String, Object>> manifests = parse(
				validRelease().set("podDisruptionBudget.maxUnavailable", "1").call());

		assertThat(spec(resource(manifests, "PodDisruptionBudget"))).containsEntry("maxUnavailable", 1)
			.doesNotContainKey("minAvailable");
	}

	@Test
	void omitsThePodDisruptionBudgetWhenDisabled() {
		List<Map<String, Object>> manifests = parse(validRelease().set("podDisruptionBudget.enabled", "false").call());

		assertThat(manifests).extracting(manifest -> manifest.get("kind"))
			.contains("Deployment")
			.doesNotContain("PodDisruptionBudget");
	}

	@Test
	void refusesSeveralReplicasWithoutAnExternalDatabase() {
		TemplateCommand command = validRelease().set("replicaCount", "2").set("database.external", "false");

		assertThatThrownBy(command::call)
			.hasMessageContaining("replicaCount > 1 needs an external PostgreSQL shared by all replicas");
	}

	@Test
	void allowsASingleReplicaWithoutAnExternalDatabase() {
		List<Map<String, Object>> manifests = parse(validRelease().set("database.external", "false").call());

		assertThat(spec(resource(manifests, "Deployment"))).containsEntry("replicas", 1);
	}

	@Test
	void refusesToRenderWithoutAnExistingSecret() {
		TemplateCommand command = new Helm(CHART).template()
			.withName("p25")
			.set("database.url", DATABASE_URL)
			.set("kafka.bootstrapServers", "kafka:9092");

		assertThatThrownBy(command::call)
			.hasMessageContaining("existingSecret.name is required: credentials come from an existing Secret");
	}

	@Test
	void refusesToRenderWithoutADatabaseUrl() {
		TemplateCommand command = new Helm(CHART).template()
			.withName("p25")
			.set("existingSecret.name", SECRET)
			.set("kafka.bootstrapServers", "kafka:9092");

		assertThatThrownBy(command::call).hasMessageContaining("database.url is required");
	}

	@Test
	void passesTheTokenIssuerAsEnvironment() {
		assertThat(env("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")).containsEntry("value", ISSUER);
		assertThat(envEntries(release)).extracting(entry -> entry.get("name"))
			.doesNotContain("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI");
	}

	@Test
	void checksTheTokenAudienceWhenGiven() {
		assertThat(envEntries(release)).extracting(entry -> entry.get("name"))
			.doesNotContain("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");

		List<Map<String, Object>> manifests = parse(
				validRelease().set("jwt.audiences[0]", "port25-api").set("jwt.audiences[1]", "dashboard").call());

		assertThat(env(manifests, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES")).containsEntry("value",
				"port25-api,dashboard");
	}

	@Test
	void acceptsAJwkSetInsteadOfAnIssuer() {
		List<Map<String, Object>> manifests = parse(
				validRelease().set("jwt.issuerUri", "").set("jwt.jwkSetUri", "https://login.example.net/jwks").call());

		assertThat(env(manifests, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")).containsEntry("value",
				"https://login.example.net/jwks");
		assertThat(envEntries(manifests)).extracting(entry -> entry.get("name"))
			.doesNotContain("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
	}

	@Test
	void refusesToRenderWithoutATokenIssuer() {
		TemplateCommand command = validRelease().set("jwt.issuerUri", "");

		assertThatThrownBy(command::call).hasMessageContaining("jwt.issuerUri or jwt.jwkSetUri is required");
	}

	@Test
	void refusesToRenderWithoutKafkaBootstrapServers() {
		TemplateCommand command = new Helm(CHART).template()
			.withName("p25")
			.set("existingSecret.name", SECRET)
			.set("database.url", DATABASE_URL);

		assertThatThrownBy(command::call).hasMessageContaining("kafka.bootstrapServers is required");
	}

	@Test
	void schemaRejectsANegativeReplicaCount() {
		TemplateCommand command = validRelease().set("replicaCount", "-1");

		assertThatThrownBy(command::call).hasMessageContaining("schema").hasMessageContaining("replicaCount");
	}

	@Test
	void schemaRejectsAReplicaCountThatIsNotAnInteger() {
		TemplateCommand command = validRelease().set("replicaCount", "three");

		assertThatThrownBy(command::call).hasMessageContaining("schema").hasMessageContaining("replicaCount");
	}

	@Test
	void schemaRejectsUnknownTopLevelKeys() {
		TemplateCommand command = validRelease().set("replicas", "3");

		assertThatThrownBy(command::call).hasMessageContaining("schema").hasMessageContaining("replicas");
	}

	// ------------------------------------------------------------------------------------------------------------

	private static TemplateCommand validRelease() {
		return new Helm(CHART).template()
			.withName("p25")
			.set("existingSecret.name", SECRET)
			.set("database.url", DATABASE_URL)
			.set("kafka.bootstrapServers", "kafka:9092")
			.set("jwt.issuerUri", ISSUER);
	}

	private static List<Map<String, Object>> parse(String rendered) {
		List<Map<String, Object>> manifests = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
			if (document != null) {
				manifests.add(map(document));
			}
		}
		return manifests;
	}

	private static Map<String, Object> resource(String kind) {
		return resource(release, kind);
	}

	private static Map<String, Object> resource(List<Map<String, Object>> manifests, String kind) {
		List<Map<String, Object>> matching = manifests.stream()
			.filter(manifest -> kind.equals(manifest.get("kind")))
			.toList();
		assertThat(matching).as("rendered %s", kind).hasSize(1);
		return matching.get(0);
	}

	private static Map<String, Object> metadata(Map<String, Object> resource) {
		return map(resource.get("metadata"));
	}

	private static Map<String, Object> spec(Map<String, Object> resource) {
		return map(resource.get("spec"));
	}

	private static Map<String, Object> podTemplate(List<Map<String, Object>> manifests) {
		return map(spec(resource(manifests, "Deployment")).get("template"));
	}

	private static Map<String, Object> podSpec() {
		return spec(podTemplate(release));
	}

	private static Map<String, Object> podLabels() {
		return map(metadata(podTemplate(release)).get("labels"));
	}

	private static String checksum(List<Map<String, Object>> manifests) {
		return (String) map(metadata(podTemplate(manifests)).get("annotations")).get("checksum/config");
	}

	private static Map<String, Object> container() {
		return container(release);
	}

	private static Map<String, Object> container(List<Map<String, Object>> manifests) {
		List<Object> containers = list(spec(podTemplate(manifests)).get("containers"));
		assertThat(containers).hasSize(1);
		return map(containers.get(0));
	}

	private static List<Map<String, Object>> envEntries(List<Map<String, Object>> manifests) {
		return list(container(manifests).get("env")).stream().map(HelmChartTest::map).toList();
	}

	private static Map<String, Object> env(String name) {
		return env(release, name);
	}

	private static Map<String, Object> env(List<Map<String, Object>> manifests, String name) {
		List<Map<String, Object>> matching = envEntries(manifests).stream()
			.filter(entry -> name.equals(entry.get("name")))
			.toList();
		assertThat(matching).as("env %s", name).hasSize(1);
		return matching.get(0);
	}

	private static Map<String, Object> volume(String name) {
		return named(list(podSpec().get("volumes")), name);
	}

	private static Map<String, Object> volumeMount(String name) {
		return named(list(container().get("volumeMounts")), name);
	}

	private static Map<String, Object> named(List<Object> entries, String name) {
		return entries.stream()
			.map(HelmChartTest::map)
			.filter(entry -> Objects.equals(name, entry.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry named " + name + " in " + entries));
	}

	private static Map<String, Object> httpGet(Map<String, Object> container, String probe) {
		assertThat(container).containsKey(probe);
		return map(map(container.get(probe)).get("httpGet"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

}
