package net.port25.workflow.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProductionSafetyCheckTest {

	private static final String STRONG = "9f!Kq2#vLm7@Zx";

	private static final String ISSUER = "https://login.example.net/realms/port25";

	@Test
	void startsWithAStrongAdministratorPasswordAndAnIssuer() {
		assertThatNoException().isThrownBy(
				() -> check(environment("ops-admin", STRONG).withProperty(ProductionSafetyCheck.ISSUER_URI, ISSUER)));
		assertThatNoException().isThrownBy(() -> check(environment("ops-admin", STRONG)
			.withProperty(ProductionSafetyCheck.JWK_SET_URI, "https://login.example.net/jwks")));
	}

	@Test
	void refusesToStartWithoutAnAdministrator() {
		assertThatIllegalStateException()
			.isThrownBy(() -> check(new MockEnvironment().withProperty(ProductionSafetyCheck.ISSUER_URI, ISSUER)))
			.withMessageContaining("camunda.bpm.admin-user.id is not set")
			.withMessageContaining("camunda.bpm.admin-user.password is not set");
	}

	@Test
	void refusesToStartWithTheEmptyValuesOfUnsetEnvironmentVariables() {
		assertThatIllegalStateException()
			.isThrownBy(() -> check(environment("", "").withProperty(ProductionSafetyCheck.ISSUER_URI, ISSUER)))
			.withMessageContaining("camunda.bpm.admin-user.id is not set")
			.withMessageContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD");
	}

	@Test
	void refusesToStartWithADefaultOrWeakPassword() {
		for (String weak : new String[] { "admin", "Password", "changeme" }) {
			assertThatIllegalStateException().isThrownBy(
					() -> check(environment("ops-admin", weak).withProperty(ProductionSafetyCheck.ISSUER_URI, ISSUER)))
				.withMessageContaining("camunda.bpm.admin-user.password is a default password");
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> check(environment("operations-admin", "operations-admin")
				.withProperty(ProductionSafetyCheck.ISSUER_URI, ISSUER)))
			.withMessageContaining("camunda.bpm.admin-user.password is a default password or the user id");
		assertThatIllegalStateException()
			.isThrownBy(() -> check(
					environment("ops-admin", "Sh0rt!pass").withProperty(ProductionSafetyCheck.ISSUER_URI, ISSUER)))
			.withMessageContaining("camunda.bpm.admin-user.password is shorter than 12 characters");
	}

	@Test
	void refusesToStartWithoutATokenIssuer() {
		assertThatIllegalStateException().isThrownBy(() -> check(environment("ops-admin", STRONG)))
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
	}

	@Test
	void neverNamesThePasswordInTheMessage() {
		assertThatIllegalStateException().isThrownBy(() -> check(environment("ops-admin", "Sh0rt!pass")))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("Sh0rt!pass"));
	}

	@Test
	void failsTheStartOfAContextWithTheProductionProfile() {
		new ApplicationContextRunner().withUserConfiguration(ProductionSafetyCheck.class)
			.withPropertyValues("spring.profiles.active=production", "camunda.bpm.admin-user.id=admin",
					"camunda.bpm.admin-user.password=admin")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("camunda.bpm.admin-user.password is a default password"));
	}

	@Test
	void startsAContextWithTheProductionProfileAndSafeSettings() {
		new ApplicationContextRunner().withUserConfiguration(ProductionSafetyCheck.class)
			.withPropertyValues("spring.profiles.active=production", "camunda.bpm.admin-user.id=ops-admin",
					"camunda.bpm.admin-user.password=" + STRONG, ProductionSafetyCheck.ISSUER_URI + "=" + ISSUER)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static MockEnvironment environment(String adminId, String adminPassword) {
		return new MockEnvironment().withProperty(ProductionSafetyCheck.ADMIN_ID, adminId)
			.withProperty(ProductionSafetyCheck.ADMIN_PASSWORD, adminPassword);
	}

	private static void check(MockEnvironment environment) {
		ProductionSafetyCheck.check(environment);
	}

}
