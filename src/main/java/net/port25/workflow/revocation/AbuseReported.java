package net.port25.workflow.revocation;

import java.time.Instant;

/**
 * An abuse report was taken in: published in the transaction that handles it, before any
 * revocation it causes, so that whoever watches revocations knows the severity and when
 * the abuse was seen.
 *
 * @param sourceEventId the report's event id, which a revocation it causes names as its
 * source
 * @param detectedAt when the abuse monitor saw the abuse; {@code null} if it did not say
 */
public record AbuseReported(String sourceEventId, String serviceId, AbuseDetected.Severity severity,
		Instant detectedAt) {
}
