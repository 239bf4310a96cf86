package net.port25.workflow.intake;

import java.util.List;

import net.port25.workflow.access.ServiceType;

/**
 * The facts a customer gives about a port 25 request, in the contract's field names.
 * Every fact may be missing ({@code null}); which are required is the completeness
 * decision's business, not this type's.
 */
public record RequestFacts(ServiceType serviceType, String serviceId, String hostname, List<String> ipAddresses,
		String useCase, String application, String mailServerSoftware, String mailType, List<String> sendingDomains,
		String websiteUrl, String companyInfo, Long expectedDailyVolume, Long expectedMonthlyVolume,
		RecipientType recipientType, String recipientSource, String abuseControls, Boolean spfConfigured,
		Boolean dkimConfigured, Boolean dmarcConfigured, Boolean rdnsConfigured,
		String submissionPortsInsufficientReason, String notes) {

	public static final RequestFacts NONE = new RequestFacts(null, null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null, null, null, null);

	/**
	 * These facts, each missing one taken from {@code other}: what is given here wins.
	 */
	public RequestFacts orElse(RequestFacts other) {
		return new RequestFacts(first(serviceType, other.serviceType), first(serviceId, other.serviceId),
				first(hostname, other.hostname), first(ipAddresses, other.ipAddresses), first(useCase, other.useCase),
				first(application, other.application), first(mailServerSoftware, other.mailServerSoftware),
				first(mailType, other.mailType), first(sendingDomains, other.sendingDomains),
				first(websiteUrl, other.websiteUrl), first(companyInfo, other.companyInfo),
				first(expectedDailyVolume, other.expectedDailyVolume),
				first(expectedMonthlyVolume, other.expectedMonthlyVolume), first(recipientType, other.recipientType),
				first(recipientSource, other.recipientSource), first(abuseControls, other.abuseControls),
				first(spfConfigured, other.spfConfigured), first(dkimConfigured, other.dkimConfigured),
				first(dmarcConfigured, other.dmarcConfigured), first(rdnsConfigured, other.rdnsConfigured),
				first(submissionPortsInsufficientReason, other.submissionPortsInsufficientReason),
				first(notes, other.notes));
	}

	private static <T> T first(T given, T fallback) {
		return isGiven(given) ? given : fallback;
	}

	private static boolean isGiven(Object value) {
		if (value instanceof String text) {
			return !text.isBlank();
		}
		if (value instanceof List<?> list) {
			return !list.isEmpty();
		}
		return value != null;
	}

}
