package net.port25.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** What the README promises operators about the release the engine runs on. */
class ReadmeTest {

	@Test
	void namesTheCamundaCommunityReleaseItRunsOnAndWhatItsEndMeans() throws IOException {
		Matcher version = Pattern.compile("<camunda.version>([^<]+)</camunda.version>")
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(version.find()).isTrue();
		String supportStatus = section("## Support status");

		assertThat(supportStatus).contains("Camunda " + version.group(1) + " Community Edition")
			.contains("last community edition release")
			.contains("No community fixes come any more");
	}

	@Test
	void namesTheMitigationOfEachAdvisoryAndTheTestsThatProveIt() throws IOException {
		String supportStatus = section("## Support status");

		assertThat(supportStatus).contains("/camunda/api/admin/setup/**", "ProductionSafetyCheck", "orQueries",
				"OrQueryExpressionGuard");
		for (String test : new String[] { "WebSecurityIntegrationTests", "ProductionSafetyCheckTest",
				"OrQueryExpressionGuardTest" }) {
			assertThat(supportStatus).contains(test);
			try (var files = Files.walk(Path.of("src", "test", "java"))) {
				assertThat(files.map(Path::getFileName).map(Path::toString)).as(test).contains(test + ".java");
			}
		}
	}

	private static String section(String heading) throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("\n" + heading + "\n");
		assertThat(start).as(heading).isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		return readme.substring(start, end < 0 ? readme.length() : end);
	}

}
