package net.port25.workflow.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.FreeText;
import net.port25.workflow.access.InputLimits;
import net.port25.workflow.access.IpLiteral;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.request.ConfigurationState;
import net.port25.workflow.access.SingleLine;
import net.port25.workflow.request.RecipientType;
import net.port25.workflow.request.RequestFacts;

/**
 * {@code port25.request.submitted}: a customer asks for outbound port 25. Only the
 * envelope facts are required; missing business facts are not an error, they start the
 * info-request loop.
 */
public record RequestSubmitted(@NotBlank @SingleLine String requestRef, @NotNull Channel channel,
		@NotBlank @SingleLine String customerId, ServiceType serviceType, @SingleLine String serviceId,
		@SingleLine(max = InputLimits.MAX_HOST_NAME_LENGTH) String hostname,
		@Size(max = InputLimits.MAX_IP_ADDRESSES) List<@IpLiteral String> ipAddresses, @FreeText String useCase,
		@FreeText String application, @FreeText String mailServerSoftware, @FreeText String mailType,
		@Size(max = InputLimits.MAX_SENDING_DOMAINS) List<@SingleLine(
				max = InputLimits.MAX_HOST_NAME_LENGTH) String> sendingDomains,
		@FreeText String websiteUrl, @FreeText String companyInfo, @PositiveOrZero Long expectedDailyVolume,
		@PositiveOrZero Long expectedMonthlyVolume, RecipientType recipientType, @FreeText String recipientSource,
		Boolean optInConfirmed, @FreeText String abuseControls, ConfigurationState spfConfigured,
		ConfigurationState dkimConfigured, ConfigurationState dmarcConfigured, ConfigurationState rdnsConfigured,
		Boolean rdnsMatchesHostname, @FreeText String submissionPortsInsufficientReason, @FreeText String notes,
		@FreeText(max = InputLimits.MAX_BODY_LENGTH) String body) {

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
		return structured.orElse(bodyFacts());
	}

	/**
	 * The facts the body gives, held to the same limits as the structured fields (a
	 * getter, so that validation sees it).
	 */
	@Valid
	@JsonIgnore
	RequestFacts getBodyFacts() {
		return bodyFacts();
	}

	private RequestFacts bodyFacts() {
		return RequestTextParser.parse(body);
	}

}
