package net.port25.workflow.intake;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.IpLiteral;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.request.ConfigurationState;
import net.port25.workflow.request.RecipientType;
import net.port25.workflow.request.RequestFacts;

/**
 * {@code port25.request.submitted}: a customer asks for outbound port 25. Only the
 * envelope facts are required; missing business facts are not an error, they start the
 * info-request loop.
 */
public record RequestSubmitted(@NotBlank String requestRef, @NotNull Channel channel, @NotBlank String customerId,
		ServiceType serviceType, String serviceId, String hostname, List<@IpLiteral String> ipAddresses, String useCase,
		String application, String mailServerSoftware, String mailType, List<String> sendingDomains, String websiteUrl,
		String companyInfo, Long expectedDailyVolume, Long expectedMonthlyVolume, RecipientType recipientType,
		String recipientSource, Boolean optInConfirmed, String abuseControls, ConfigurationState spfConfigured,
		ConfigurationState dkimConfigured, ConfigurationState dmarcConfigured, ConfigurationState rdnsConfigured,
		Boolean rdnsMatchesHostname, String submissionPortsInsufficientReason, String notes, String body) {

	/**
	 * The normalised facts: the structured fields, and for each one missing, the
	 * free-text body's.
	 */
	RequestFacts facts() {
		RequestFacts structured = new RequestFacts(serviceType, serviceId, hostname, ipAddresses, useCase, application,
				mailServerSoftware, mailType, sendingDomains, websiteUrl, companyInfo, expectedDailyVolume,
				expectedMonthlyVolume, recipientType, recipientSource, optInConfirmed, abuseControls, spfConfigured,
				dkimConfigured, dmarcConfigured, rdnsConfigured, rdnsMatchesHostname, submissionPortsInsufficientReason,
				notes);
		return structured.orElse(RequestTextParser.parse(body));
	}

}
