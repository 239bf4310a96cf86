package net.port25.workflow.infrastructure;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A signing key that lives only as long as the JVM, for the embedded development run and
 * the tests: it issues customer bearer tokens and verifies them. Production verifies
 * tokens against the configured issuer instead.
 */
public final class LocalTokens {

	public static final String ISSUER = "https://port25-workflow.local/dev";

	public static final String CUSTOMER_ID_CLAIM = "customerId";

	private final RSAPublicKey publicKey;

	private final NimbusJwtEncoder encoder;

	public LocalTokens() {
		KeyPair keys = rsaKeyPair();
		this.publicKey = (RSAPublicKey) keys.getPublic();
		RSAKey key = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) keys.getPrivate()).keyID("local").build();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
	}

	/** A bearer token for the customer, valid for an hour. */
	public String issue(String customerId) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(customerId)
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofHours(1)))
			.claim(CUSTOMER_ID_CLAIM, customerId)
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("local").build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	public JwtDecoder decoder() {
		return NimbusJwtDecoder.withPublicKey(publicKey).build();
	}

	private static KeyPair rsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The local key as the application's token issuer and verifier: the embedded run and
	 * the tests import it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class AsTokenIssuer {

		@Bean
		LocalTokens localTokens() {
			return new LocalTokens();
		}

		@Bean
		JwtDecoder jwtDecoder(LocalTokens tokens) {
			return tokens.decoder();
		}

	}

}
