package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.LinkedHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
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

	private static final String NAMESPACE = "port25";

	private static final String DATABASE_URL = "jdbc:postgresql://db:5432/port25";

	private static final String ISSUER = "https://login.example.net/realms/port25";

	/**
	 * Variables the chart sets that are no setting: read by the JVM, or referenced by a
	 * setting.
	 */
	private static final Set<String> NOT_SETTINGS = Set.of("JAVA_TOOL_OPTIONS", "PORT25_KAFKA_SASL_USERNAME",
			"PORT25_KAFKA_SASL_PASSWORD");

	private static final Pattern INSTALL = Pattern
		.compile("helm install (\\S+) helm/port25-workflow((?: +--set(?:-string)? +\\S+)+)");

	private static final Pattern SET_OPTION = Pattern.compile("--set(?:-string)? +(\\S+)");

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
	void pinsTheImageToTheChartAppVersionARelease() {
		String image = (String) container().get("image");

		assertThat(image).isEqualTo("port25-workflow:0.1.0");
	}

	@Test
	void pullsTheImageByDigestWhenOneIsGiven() {
		String digest = "sha256:" + "0123456789abcdef".repeat(4);
		List<Map<String, Object>> manifests = parse(validRelease().set("image.digest", digest).call());

		assertThat(container(manifests).get("image")).isEqualTo("port25-workflow@" + digest);
	}

	@Test
	void refusesASnapshotTagUnlessADigestPinsTheImage() {
		assertThatThrownBy(() -> validRelease().set("image.tag", "0.2.0-SNAPSHOT").call())
			.hasMessageContaining("-SNAPSHOT tag, which every build overwrites");
		assertThat(container(parse(validRelease().set("image.tag", "0.2.0-SNAPSHOT")
			.set("image.digest", "sha256:" + "ab".repeat(32))
			.call())).get("image")).isEqualTo("port25-workflow@sha256:" + "ab".repeat(32));
	}

	@Test
	void refusesTheLatestImageTag() {
		assertThatThrownBy(() -> validRelease().set("image.tag", "latest").call()).hasMessageContaining("image.tag");
	}

	@Test
	void probesTheSpringBootHealthGroupsOnTheHttpPort() {
		Map<String, Object> container = container();

		assertThat(httpGet(container, "startupProbe")).containsEntry("path", "/livez").containsEntry("port", "http");
		assertThat(httpGet(container, "livenessProbe")).containsEntry("path", "/livez").containsEntry("port", "http");
		assertThat(httpGet(container, "readinessProbe")).containsEntry("path", "/readyz").containsEntry("port", "http");
		assertThat((Integer) map(container.get("startupProbe")).get("failureThreshold")).isGreaterThanOrEqualTo(30);
		assertThat(named(list(container.get("ports")), "http")).containsEntry("containerPort", 8080);
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
		Map<String, Object> service = spec(named(release, "Service", "p25-port25-workflow"));

		assertThat(service).containsEntry("type", "ClusterIP");
		assertThat(list(service.get("ports"))).singleElement()
			.satisfies(port -> assertThat(map(port)).containsEntry("port", 8080).containsEntry("targetPort", "http"));
		assertThat(podLabels()).containsAllEntriesOf(map(service.get("selector")));
	}

	@Test
	void servesTheActuatorOnAManagementPortThatOnlyAClusterInternalServiceExposes() {
		assertThat(env("MANAGEMENT_SERVER_PORT")).containsEntry("value", "8081");
		assertThat(named(list(container().get("ports")), "management")).containsEntry("containerPort", 8081);
		Map<String, Object> management = named(release, "Service", "p25-port25-workflow-management");
		assertThat(spec(management)).containsEntry("type", "ClusterIP");
		assertThat(list(spec(management).get("ports"))).singleElement()
			.satisfies(port -> assertThat(map(port)).containsEntry("targetPort", "management"));
		assertThat(podLabels()).containsAllEntriesOf(map(spec(management).get("selector")));
	}

	@Test
	void runsThePodsUnderTheirOwnServiceAccountWithoutAToken() {
		Map<String, Object> serviceAccount = resource("ServiceAccount");

		assertThat(serviceAccount).containsEntry("automountServiceAccountToken", false);
		assertThat(podSpec()).containsEntry("serviceAccountName", metadata(serviceAccount).get("name"))
			.containsEntry("automountServiceAccountToken", false);
	}

	@Test
	void letsOnePodAtATimeBeEvictedSoThatNodeDrainsGoOnAtAnyReplicaCount() {
		for (String replicas : List.of("1", "3")) {
			Map<String, Object> budget = spec(
					resource(parse(validRelease().set("replicaCount", replicas).call()), "PodDisruptionBudget"));

			assertThat(budget).as("%s replicas", replicas)
				.containsEntry("maxUnavailable", 1)
				.doesNotContainKey("minAvailable");
			assertThat(podLabels()).containsAllEntriesOf(map(map(budget.get("selector")).get("matchLabels")));
		}
	}

	@Test
	void usesMinAvailableWhenMaxUnavailableIsCleared() {
		List<Map<String, Object>> manifests = parse(validRelease().set("podDisruptionBudget.maxUnavailable", "null")
			.set("podDisruptionBudget.minAvailable", "2")
			.call());

		assertThat(spec(resource(manifests, "PodDisruptionBudget"))).containsEntry("minAvailable", 2)
			.doesNotContainKey("maxUnavailable");
	}

	@Test
	void omitsThePodDisruptionBudgetWhenDisabled() {
		List<Map<String, Object>> manifests = parse(validRelease().set("podDisruptionBudget.enabled", "false").call());

		assertThat(manifests).extracting(manifest -> manifest.get("kind"))
			.contains("Deployment")
			.doesNotContain("PodDisruptionBudget");
	}

	@Test
	void refusesTheDatabaseExternalFlagThatMeantNothing() {
		assertThatThrownBy(() -> validRelease().set("database.external", "true").call()).hasMessageContaining("schema")
			.hasMessageContaining("external");
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
	// Two replicas: sessions, Ingress, cookies

	@Test
	void keepsTheWebappSessionsInPostgresqlByDefault() {
		assertThat(envNames(release)).doesNotContain("SPRING_AUTOCONFIGURE_EXCLUDE");

		List<Map<String, Object>> inMemory = parse(validRelease().set("webapp.sharedSessions", "false").call());

		assertThat(env(inMemory, "SPRING_AUTOCONFIGURE_EXCLUDE")).containsEntry("value",
				"org.springframework.boot.autoconfigure.session.SessionAutoConfiguration");
	}

	@Test
	void refusesSeveralReplicasWhoseStaffSessionsAreNeitherSharedNorSticky() {
		TemplateCommand command = validRelease().set("replicaCount", "2").set("webapp.sharedSessions", "false");

		assertThatThrownBy(command::call).hasMessageContaining("replicaCount > 1 needs shared staff sessions");
	}

	@Test
	void allowsSeveralReplicasWithCookieAffinityInsteadOfSharedSessions() {
		List<Map<String, Object>> manifests = parse(validRelease().set("replicaCount", "2")
			.set("webapp.sharedSessions", "false")
			.set("ingress.enabled", "true")
			.call());

		assertThat(spec(resource(manifests, "Deployment"))).containsEntry("replicas", 2);
	}

	@Test
	void marksTheWebappCookiesSecureAndSendsHstsBehindTls() {
		assertThat(env("SERVER_SERVLET_SESSION_COOKIE_SECURE")).containsEntry("value", "true");
		assertThat(env("CAMUNDA_BPM_WEBAPP_SESSIONCOOKIE_ENABLESECURECOOKIE")).containsEntry("value", "true");
		assertThat(env("CAMUNDA_BPM_WEBAPP_CSRF_ENABLESECURECOOKIE")).containsEntry("value", "true");
		assertThat(env("CAMUNDA_BPM_WEBAPP_HEADERSECURITY_HSTSDISABLED")).containsEntry("value", "false");
		assertThat(env("CAMUNDA_BPM_WEBAPP_HEADERSECURITY_HSTSMAXAGE")).containsEntry("value", "31536000");
	}

	@Test
	void rendersNoIngressUnlessAsked() {
		assertThat(kinds(release)).doesNotContain("Ingress");
	}

	@Test
	void routesTheCustomerApiAndTheStaffPathsThroughSeparateIngresses() {
		List<Map<String, Object>> manifests = parse(withIngress().call());

		assertThat(paths(named(manifests, "Ingress", "p25-port25-workflow-api"))).containsExactly("/api",
				"/v3/api-docs");
		assertThat(paths(named(manifests, "Ingress", "p25-port25-workflow-staff"))).containsExactly("/camunda",
				"/engine-rest");
		assertThat(resources(manifests, "Ingress")).allSatisfy(ingress -> {
			assertThat(spec(ingress)).containsEntry("ingressClassName", "nginx");
			assertThat(backends(ingress)).allSatisfy(backend -> assertThat(backend)
				.isEqualTo(Map.of("name", "p25-port25-workflow", "port", Map.of("name", "http"))));
		});
	}

	@Test
	void keepsStaffOnOneReplicaWithAnAffinityCookieForTheWebappsOnly() {
		List<Map<String, Object>> manifests = parse(withIngress().call());

		assertThat(annotations(named(manifests, "Ingress", "p25-port25-workflow-staff")))
			.containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
			.containsEntry("nginx.ingress.kubernetes.io/session-cookie-path", "/camunda")
			.containsEntry("nginx.ingress.kubernetes.io/session-cookie-secure", "true");
		assertThat(metadata(named(manifests, "Ingress", "p25-port25-workflow-api")).get("annotations")).isNull();
	}

	@Test
	void terminatesTlsAtTheIngressWithEachHostsSecret() {
		List<Map<String, Object>> manifests = parse(withIngress().call());

		assertThat(list(spec(named(manifests, "Ingress", "p25-port25-workflow-api")).get("tls"))).singleElement()
			.isEqualTo(Map.of("secretName", "api-tls", "hosts", List.of("api.port25.example.net")));
		assertThat(list(spec(named(manifests, "Ingress", "p25-port25-workflow-staff")).get("tls"))).singleElement()
			.isEqualTo(Map.of("secretName", "staff-tls", "hosts", List.of("staff.port25.example.net")));
	}

	// ------------------------------------------------------------------------------------------------------------
	// Metrics, dashboard, alerts, traces

	@Test
	void rendersNoServiceMonitorAlertsOrDashboardUnlessAsked() {
		assertThat(kinds(release)).doesNotContain("ServiceMonitor", "PrometheusRule");
		assertThat(resources(release, "ConfigMap")).hasSize(1);
	}

	@Test
	void scrapesThePrometheusEndpointThroughTheManagementService() {
		Map<String, Object> monitor = resource(parse(validRelease().set("metrics.serviceMonitor.enabled", "true")
			.set("metrics.serviceMonitor.labels.release", "prometheus")
			.call()), "ServiceMonitor");

		assertThat(map(metadata(monitor).get("labels"))).containsEntry("release", "prometheus");
		assertThat(list(spec(monitor).get("endpoints"))).singleElement()
			.isEqualTo(Map.of("port", "management", "path", "/actuator/prometheus", "interval", "30s"));
		Map<String, Object> management = named(release, "Service", "p25-port25-workflow-management");
		assertThat(map(metadata(management).get("labels")))
			.containsAllEntriesOf(map(map(spec(monitor).get("selector")).get("matchLabels")));
		assertThat(map(metadata(named(release, "Service", "p25-port25-workflow")).get("labels")))
			.doesNotContainKey("port25-workflow/port");
	}

	@Test
	void alertsOnTheOutboxDeadLettersIncidentsRevocationLatencyAndOverdueReviews() {
		assertThat(alerts(withAlerts().call())).extracting(alert -> alert.get("alert"))
			.containsExactly("Port25OutboxBacklogGrowing", "Port25DeadLettersArriving", "Port25EngineIncidents",
					"Port25RevocationLatencyHigh", "Port25ReviewsPastEscalation");
	}

	@Test
	void selectsThisReleasesMetricsAndTheConfiguredThresholds() {
		List<Map<String, Object>> alerts = alerts(
				withAlerts().set("metrics.prometheusRule.revocationP99Seconds", "45").call());

		assertThat(alerts).allSatisfy(alert -> assertThat((String) alert.get("expr"))
			.contains("namespace=\"" + NAMESPACE + "\", job=\"p25-port25-workflow-management\""));
		assertThat((String) alert(alerts, "Port25RevocationLatencyHigh").get("expr"))
			.contains("severity=~\"high|critical\"")
			.endsWith("> 45");
		assertThat((String) alert(alerts, "Port25OutboxBacklogGrowing").get("expr")).endsWith("> 300");
	}

	@Test
	void linksEveryAlertToItsRunbookInTheChartReadme() throws IOException {
		String readme = Files.readString(CHART.resolve("README.md"));
		List<Map<String, Object>> alerts = alerts(
				withAlerts().set("metrics.prometheusRule.runbookBaseUrl", "https://git.example.net/port25/README.md")
					.call());

		assertThat(alerts).allSatisfy(alert -> {
			String name = (String) alert.get("alert");
			assertThat(readme).as("runbook section of %s", name).contains("\n### " + name + "\n");
			assertThat(map(alert.get("annotations"))).containsEntry("runbook_url",
					"https://git.example.net/port25/README.md#" + name.toLowerCase(Locale.ROOT));
		});
	}

	@Test
	void shipsAGrafanaDashboardWhoseEveryPanelQueriesThisReleasesMetrics() throws IOException {
		Map<String, Object> dashboard = named(
				parse(validRelease().set("metrics.grafanaDashboard.enabled", "true").call()), "ConfigMap",
				"p25-port25-workflow-dashboard");

		assertThat(map(metadata(dashboard).get("labels"))).containsEntry("grafana_dashboard", "1");
		JsonNode json = new ObjectMapper().readTree((String) map(dashboard.get("data")).get("port25-workflow.json"));
		assertThat(json.get("panels")).hasSizeGreaterThanOrEqualTo(10).allSatisfy(panel -> {
			assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
			panel.get("targets")
				.forEach(target -> assertThat(target.get("expr").asText())
					.contains("namespace=\"$namespace\", job=\"$job\""));
		});
	}

	@Test
	void exportsTracesOnlyToAGivenOtlpEndpoint() {
		assertThat(envNames(release)).doesNotContain("MANAGEMENT_OTLP_TRACING_ENDPOINT");
		assertThat(env("MANAGEMENT_TRACING_SAMPLING_PROBABILITY")).containsEntry("value", "0.1");

		List<Map<String, Object>> manifests = parse(
				validRelease().set("tracing.otlpEndpoint", "http://otel-collector:4318/v1/traces").call());

		assertThat(env(manifests, "MANAGEMENT_OTLP_TRACING_ENDPOINT")).containsEntry("value",
				"http://otel-collector:4318/v1/traces");
	}

	// ------------------------------------------------------------------------------------------------------------
	// Hygiene: stopping, Kafka security, settings that exist, the README's install

	@Test
	void pausesBeforeStoppingSoThatTheServiceStopsSendingRequestsFirst() {
		assertThat(map(map(container().get("lifecycle")).get("preStop")))
			.isEqualTo(Map.of("exec", Map.of("command", List.of("sleep", "10"))));
		assertThat(podSpec()).containsEntry("terminationGracePeriodSeconds", 45);
	}

	@Test
	void refusesAGracePeriodShorterThanThePauseAndTheGracefulShutdown() {
		TemplateCommand command = validRelease().set("preStopSleepSeconds", "20");

		assertThatThrownBy(command::call)
			.hasMessageContaining("terminationGracePeriodSeconds must be at least preStopSleepSeconds + 30");
	}

	@Test
	void takesTheKafkaSaslCredentialsFromTheirSecret() {
		List<Map<String, Object>> manifests = parse(validRelease().set("kafka.securityProtocol", "SASL_SSL")
			.set("kafka.sasl.existingSecret", "kafka-user")
			.set("kafka.tls.existingSecret", "kafka-ca")
			.call());

		assertThat(env(manifests, "SPRING_KAFKA_SECURITY_PROTOCOL")).containsEntry("value", "SASL_SSL");
		for (String variable : List.of("PORT25_KAFKA_SASL_USERNAME", "PORT25_KAFKA_SASL_PASSWORD")) {
			assertThat(map(map(env(manifests, variable).get("valueFrom")).get("secretKeyRef"))).containsEntry("name",
					"kafka-user");
		}
		assertThat((String) env(manifests, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").get("value"))
			.contains("ScramLoginModule")
			.contains("password=\"${PORT25_KAFKA_SASL_PASSWORD}\"");
	}

	@Test
	void mountsTheKafkaCertificatesFromTheirSecretAsAnSslBundle() {
		List<Map<String, Object>> manifests = parse(validRelease().set("kafka.securityProtocol", "SSL")
			.set("kafka.tls.existingSecret", "kafka-tls")
			.set("kafka.tls.certificateKey", "tls.crt")
			.set("kafka.tls.privateKeyKey", "tls.key")
			.call());

		assertThat(map(named(list(spec(podTemplate(manifests)).get("volumes")), "kafka-tls").get("secret")))
			.containsEntry("secretName", "kafka-tls");
		assertThat(named(list(container(manifests).get("volumeMounts")), "kafka-tls"))
			.containsEntry("mountPath", "/etc/port25/kafka-tls")
			.containsEntry("readOnly", true);
		assertThat(env(manifests, "SPRING_KAFKA_SSL_BUNDLE")).containsEntry("value", "kafka");
		assertThat(env(manifests, "SPRING_SSL_BUNDLE_PEM_KAFKA_TRUSTSTORE_CERTIFICATE")).containsEntry("value",
				"file:/etc/port25/kafka-tls/ca.crt");
		assertThat(env(manifests, "SPRING_SSL_BUNDLE_PEM_KAFKA_KEYSTORE_PRIVATEKEY")).containsEntry("value",
				"file:/etc/port25/kafka-tls/tls.key");
	}

	@Test
	void givesTheKafkaClientsTheSecurityProtocolCredentialsAndCertificatesAsSpringBindsThem() {
		List<Map<String, Object>> manifests = parse(validRelease().set("kafka.securityProtocol", "SASL_SSL")
			.set("kafka.sasl.existingSecret", "kafka-user")
			.set("kafka.tls.existingSecret", "kafka-tls")
			.call());
		Map<String, Object> variables = new LinkedHashMap<>();
		envEntries(manifests).forEach(entry -> variables.put((String) entry.get("name"),
				entry.containsKey("value") ? entry.get("value") : "from-secret-" + entry.get("name")));
		StandardEnvironment engine = new StandardEnvironment();
		engine.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(engine);

		KafkaProperties kafka = Binder.get(engine).bind("spring.kafka", KafkaProperties.class).get();
		SslProperties ssl = Binder.get(engine).bind("spring.ssl", SslProperties.class).get();

		assertThat(kafka.getSecurity().getProtocol()).isEqualTo("SASL_SSL");
		assertThat(kafka.getProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("sasl.jaas.config",
					"org.apache.kafka.common.security.scram.ScramLoginModule required "
							+ "username=\"from-secret-PORT25_KAFKA_SASL_USERNAME\" "
							+ "password=\"from-secret-PORT25_KAFKA_SASL_PASSWORD\";");
		assertThat(kafka.getSsl().getBundle()).isEqualTo("kafka");
		assertThat(ssl.getBundle().getPem().get("kafka").getTruststore().getCertificate())
			.isEqualTo("file:/etc/port25/kafka-tls/ca.crt");
	}

	@Test
	void refusesSaslOrTlsWithoutTheirSecrets() {
		assertThatThrownBy(() -> validRelease().set("kafka.securityProtocol", "SASL_PLAINTEXT").call())
			.hasMessageContaining("needs kafka.sasl.existingSecret");
		assertThatThrownBy(() -> validRelease().set("kafka.securityProtocol", "SSL").call())
			.hasMessageContaining("needs kafka.tls.existingSecret");
	}

	@Test
	void setsTheEngineOnlyThroughVariablesThatNameARealSetting() {
		List<Map<String, Object>> manifests = parse(withIngress().set("kafka.securityProtocol", "SASL_SSL")
			.set("kafka.sasl.existingSecret", "kafka-user")
			.set("kafka.tls.existingSecret", "kafka-tls")
			.set("kafka.tls.certificateKey", "tls.crt")
			.set("kafka.tls.privateKeyKey", "tls.key")
			.set("webapp.sharedSessions", "false")
			.set("tracing.otlpEndpoint", "http://otel-collector:4318/v1/traces")
			.call());
		Set<String> variables = new TreeSet<>(envNames(manifests));
		variables.removeAll(NOT_SETTINGS);

		assertThat(ConfigurationKeys.onTheClassPath().unknown(variables)).isEmpty();
	}

	@Test
	void rendersTheInstallExampleOfTheChartReadme() throws IOException {
		assertThat(kinds(parse(installExample(CHART.resolve("README.md")).call()))).contains("Deployment");
	}

	@Test
	void rendersTheInstallExampleOfTheProjectReadme() throws IOException {
		assertThat(kinds(parse(installExample(Path.of("README.md")).call()))).contains("Deployment");
	}

	private static TemplateCommand withIngress() {
		return validRelease().set("ingress.enabled", "true")
			.set("ingress.className", "nginx")
			.set("ingress.api.host", "api.port25.example.net")
			.set("ingress.api.tlsSecretName", "api-tls")
			.set("ingress.staff.host", "staff.port25.example.net")
			.set("ingress.staff.tlsSecretName", "staff-tls");
	}

	private static TemplateCommand withAlerts() {
		return validRelease().set("metrics.prometheusRule.enabled", "true");
	}

	/**
	 * The first {@code helm install <name> helm/port25-workflow ...} of a README's shell
	 * blocks, its {@code --set} options applied as Helm would.
	 */
	private static TemplateCommand installExample(Path readme) throws IOException {
		String text = Files.readString(readme).replace("\\\n", " ");
		Matcher install = INSTALL.matcher(text);
		assertThat(install.find()).as("a helm install in %s", readme).isTrue();
		TemplateCommand command = new Helm(CHART).template().withName(install.group(1)).withNamespace(NAMESPACE);
		Matcher option = SET_OPTION.matcher(install.group(2));
		int options = 0;
		while (option.find()) {
			String assignment = option.group(1).replaceAll("^'|'$", "");
			String[] keyAndValue = assignment.split("=", 2);
			set(command, keyAndValue[0], keyAndValue[1]);
			options++;
		}
		assertThat(options).as("--set options of the install in %s", readme).isGreaterThan(0);
		return command;
	}

	/**
	 * One {@code --set key=value}; Helm's list syntax {@code {a,b}} becomes
	 * {@code key[0]=a, key[1]=b}, which the Helm library takes.
	 */
	private static void set(TemplateCommand command, String key, String value) {
		if (value.startsWith("{") && value.endsWith("}")) {
			String[] items = value.substring(1, value.length() - 1).split(",");
			for (int i = 0; i < items.length; i++) {
				command.set(key + "[" + i + "]", items[i]);
			}
		}
		else {
			command.set(key, value);
		}
	}

	private static List<Map<String, Object>> alerts(String rendered) {
		Map<String, Object> rule = resource(parse(rendered), "PrometheusRule");
		return list(map(list(spec(rule).get("groups")).get(0)).get("rules")).stream().map(HelmChartTest::map).toList();
	}

	private static Map<String, Object> alert(List<Map<String, Object>> alerts, String name) {
		return alerts.stream().filter(alert -> name.equals(alert.get("alert"))).findFirst().orElseThrow();
	}

	private static List<String> paths(Map<String, Object> ingress) {
		return rulePaths(ingress).stream().map(path -> (String) path.get("path")).toList();
	}

	private static List<Map<String, Object>> backends(Map<String, Object> ingress) {
		return rulePaths(ingress).stream().map(path -> map(map(path.get("backend")).get("service"))).toList();
	}

	private static List<Map<String, Object>> rulePaths(Map<String, Object> ingress) {
		return list(spec(ingress).get("rules")).stream()
			.flatMap(rule -> list(map(map(rule).get("http")).get("paths")).stream())
			.map(HelmChartTest::map)
			.toList();
	}

	private static Map<String, Object> annotations(Map<String, Object> resource) {
		return map(metadata(resource).get("annotations"));
	}

	// ------------------------------------------------------------------------------------------------------------

	private static TemplateCommand validRelease() {
		return new Helm(CHART).template()
			.withName("p25")
			.withNamespace(NAMESPACE)
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

	private static List<Map<String, Object>> resources(List<Map<String, Object>> manifests, String kind) {
		return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind"))).toList();
	}

	private static Map<String, Object> named(List<Map<String, Object>> manifests, String kind, String name) {
		List<Map<String, Object>> matching = resources(manifests, kind).stream()
			.filter(resource -> name.equals(metadata(resource).get("name")))
			.toList();
		assertThat(matching).as("rendered %s %s", kind, name).hasSize(1);
		return matching.get(0);
	}

	private static List<Object> kinds(List<Map<String, Object>> manifests) {
		return manifests.stream().map(manifest -> manifest.get("kind")).toList();
	}

	private static List<String> envNames(List<Map<String, Object>> manifests) {
		return envEntries(manifests).stream().map(entry -> (String) entry.get("name")).toList();
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
