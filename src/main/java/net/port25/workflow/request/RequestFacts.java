package net.port25.workflow.request;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.port25.workflow.access.ServiceType;

/**
 * The facts a customer gives about a port 25 request, in the contract's field names.
 * Every fact may be missing ({@code null}); which are required is the completeness
 * decision's business, not this type's.
 */
public record RequestFacts(ServiceType serviceType, String serviceId, String hostname, List<String> ipAddresses,
		String useCase, String application, String mailServerSoftware, String mailType, List<String> sendingDomains,
		String websiteUrl, String companyInfo, Long expectedDailyVolume, Long expectedMonthlyVolume,
		RecipientType recipientType, String recipientSource, Boolean optInConfirmed, String abuseControls,
		ConfigurationState spfConfigured, ConfigurationState dkimConfigured, ConfigurationState dmarcConfigured,
		ConfigurationState rdnsConfigured, Boolean rdnsMatchesHostname, String submissionPortsInsufficientReason,
		String notes) {

	public static final RequestFacts NONE = new RequestFacts(null, null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null, null, null, null, null, null);

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
				first(recipientSource, other.recipientSource), first(optInConfirmed, other.optInConfirmed),
				first(abuseControls, other.abuseControls), first(spfConfigured, other.spfConfigured),
				first(dkimConfigured, other.dkimConfigured), first(dmarcConfigured, other.dmarcConfigured),
				first(rdnsConfigured, other.rdnsConfigured), first(rdnsMatchesHostname, other.rdnsMatchesHostname),
				first(submissionPortsInsufficientReason, other.submissionPortsInsufficientReason),
				first(notes, other.notes));
	}

	/**
	 * The facts as the policy decisions' input variables (completeness and risk read the
	 * same): contract names for the enums, blank text as {@code null} and lists as the
	 * number of their non-blank entries.
	 */
	public Map<String, Object> decisionInputs() {
		// a HashMap, because an unanswered fact is a null variable, not an absent one
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("serviceType", (serviceType != null) ? serviceType.contractName() : null);
		inputs.put("serviceId", text(serviceId));
		inputs.put("hostname", text(hostname));
		inputs.put("ipAddressCount", count(ipAddresses));
		inputs.put("useCase", text(useCase));
		inputs.put("application", text(application));
		inputs.put("mailServerSoftware", text(mailServerSoftware));
		inputs.put("mailType", text(mailType));
		inputs.put("sendingDomainCount", count(sendingDomains));
		inputs.put("websiteUrl", text(websiteUrl));
		inputs.put("companyInfo", text(companyInfo));
		inputs.put("expectedDailyVolume", expectedDailyVolume);
		inputs.put("expectedMonthlyVolume", expectedMonthlyVolume);
		inputs.put("recipientType", (recipientType != null) ? recipientType.contractName() : null);
		inputs.put("recipientSource", text(recipientSource));
		inputs.put("optInConfirmed", optInConfirmed);
		inputs.put("abuseControls", text(abuseControls));
		inputs.put("spfConfigured", decisionValue(spfConfigured));
		inputs.put("dkimConfigured", decisionValue(dkimConfigured));
		inputs.put("dmarcConfigured", decisionValue(dmarcConfigured));
		inputs.put("rdnsConfigured", decisionValue(rdnsConfigured));
		inputs.put("rdnsMatchesHostname", rdnsMatchesHostname);
		inputs.put("submissionPortsInsufficientReason", text(submissionPortsInsufficientReason));
		return inputs;
	}

	private static String decisionValue(ConfigurationState state) {
		return (state != null) ? state.decisionValue() : null;
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static int count(List<String> values) {
		return (values != null) ? (int) values.stream().filter((value) -> text(value) != null).count() : 0;
	}

	/** The names of the facts given here, in the contract's field names and order. */
	public List<String> givenFields() {
		return Arrays.stream(RequestFacts.class.getRecordComponents())
			.filter((component) -> isGiven(value(component)))
			.map(RecordComponent::getName)
			.toList();
	}

	private Object value(RecordComponent component) {
		try {
			return component.getAccessor().invoke(this);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + component.getName(), ex);
		}
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
