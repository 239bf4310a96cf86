package net.port25.bench.load;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The inbound CloudEvents of the contract (structured mode), as the ticketing system, the
 * dashboard and the abuse monitor send them. Every request of a run has its own
 * reference, service id and IP address (from 198.18.0.0/15, the range set aside for
 * benchmarks), derived from one sequence number.
 */
public final class Events {

	private static final ObjectMapper json = new ObjectMapper();

	private Events() {
	}

	/** One inbound record: topic, key and value. */
	public record Event(String topic, String key, String id, byte[] value) {
	}

	public static String requestRef(long n) {
		return "B-" + n;
	}

	public static String serviceId(long n) {
		return "DEV-B" + n;
	}

	public static String customerId(long n) {
		return "C-B" + n;
	}

	public static String ipAddress(long n) {
		return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
	}

	/** An address outside the requests' range, for abuse that matches no access. */
	public static String unknownIpAddress(long n) {
		return "203.0." + (113 + (n >> 16 & 1)) + "." + (n & 0xff) + "";
	}

	/**
	 * What the provisioning system says of the service of request {@code n}: active, this
	 * customer's, with its address (the engine refuses requests for services it does not
	 * know).
	 */
	public static Event serviceActive(long n) {
		return serviceChanged(n, "cMetal", "active");
	}

	/**
	 * What the provisioning system says of the service of request {@code n} (of
	 * {@code serviceType}): {@code active}, {@code suspended} or {@code released}.
	 */
	public static Event serviceChanged(long n, String serviceType, String status) {
		return event(Topics.INVENTORY, serviceId(n), "/provisioning", "port25.service.changed",
				Map.of("serviceId", serviceId(n), "serviceType", serviceType, "customerId", customerId(n),
						"ipAddresses", List.of(ipAddress(n)), "status", status, "at", Instant.now().toString()));
	}

	/** A complete cMetal request: it goes straight to review. */
	public static Event completeRequest(long n) {
		return completeRequest(n, "cMetal");
	}

	/**
	 * A complete request for a service of {@code serviceType}: it goes straight to
	 * review.
	 */
	public static Event completeRequest(long n, String serviceType) {
		Map<String, Object> data = new LinkedHashMap<>(incompleteFacts(n));
		data.putAll(answers());
		data.put("serviceType", serviceType);
		return event(Topics.REQUESTS, requestRef(n), "/dashboard", "port25.request.submitted", data);
	}

	/** The customer withdraws request {@code n}. */
	public static Event withdrawn(long n) {
		return event(Topics.REQUESTS, requestRef(n), "/dashboard", "port25.request.withdrawn",
				Map.of("requestRef", requestRef(n), "reason", "no longer needed"));
	}

	/** A cMetal request that lacks facts: the engine asks for them (INFO_REQUESTED). */
	public static Event incompleteRequest(long n) {
		return event(Topics.REQUESTS, requestRef(n), "/dashboard", "port25.request.submitted", incompleteFacts(n));
	}

	/**
	 * The answer to the info request of {@link #incompleteRequest(long)}: then it is
	 * reviewed.
	 */
	public static Event informationProvided(long n) {
		return event(Topics.REQUESTS, requestRef(n), "/dashboard", "port25.request.info-provided",
				Map.of("requestRef", requestRef(n), "fields", answers()));
	}

	public static Event toggle(long n, boolean enabled) {
		return event(Topics.TOGGLES, serviceId(n), "/dashboard", "port25.toggle.requested",
				Map.of("serviceId", serviceId(n), "customerId", customerId(n), "enabled", enabled));
	}

	/** Abuse reported for the service's address. */
	public static Event abuse(long n, String severity) {
		return abuseFor(ipAddress(n), severity);
	}

	/** Abuse reported for an address that has no access. */
	public static Event abuseWithoutAccess(long n) {
		return abuseFor(unknownIpAddress(n), "high");
	}

	private static Event abuseFor(String ip, String severity) {
		return event(Topics.ABUSE, ip, "/abuse-monitor", "port25.abuse.detected",
				Map.of("ipAddress", ip, "category", "spam", "severity", severity, "evidence",
						"benchmark: 1,850 messages to 1,700 distinct recipients in 10 minutes", "detectedAt",
						Instant.now().toString()));
	}

	private static Map<String, Object> incompleteFacts(long n) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("requestRef", requestRef(n));
		facts.put("channel", "dashboard");
		facts.put("customerId", customerId(n));
		facts.put("serviceType", "cMetal");
		facts.put("serviceId", serviceId(n));
		facts.put("hostname", "mail" + n + ".bench.example");
		facts.put("ipAddresses", List.of(ipAddress(n)));
		facts.put("useCase", "Mail server for our research group");
		facts.put("mailServerSoftware", "Postfix");
		facts.put("mailType", "business correspondence");
		facts.put("sendingDomains", List.of("bench.example"));
		facts.put("spfConfigured", true);
		facts.put("dkimConfigured", false);
		return facts;
	}

	private static Map<String, Object> answers() {
		return Map.ofEntries(Map.entry("application", "Group mailing and notifications"),
				Map.entry("websiteUrl", "https://bench.example"),
				Map.entry("companyInfo", "University research group, 25 members"),
				Map.entry("expectedDailyVolume", 150), Map.entry("expectedMonthlyVolume", 4500),
				Map.entry("recipientType", "internal"), Map.entry("recipientSource", "Group members only"),
				Map.entry("abuseControls", "Authenticated submission only, 100 msgs/h per user"),
				Map.entry("dkimConfigured", true), Map.entry("dmarcConfigured", true),
				Map.entry("rdnsConfigured", true),
				Map.entry("submissionPortsInsufficientReason", "We run our own MX and outbound MTA for the group"));
	}

	private static Event event(String topic, String key, String source, String type, Map<String, Object> data) {
		String id = UUID.randomUUID().toString();
		Map<String, Object> envelope = Map.of("specversion", "1.0", "id", id, "source", source, "type", type, "time",
				Instant.now().toString(), "datacontenttype", "application/json", "data", data);
		try {
			return new Event(topic, key, id, json.writeValueAsBytes(envelope));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
