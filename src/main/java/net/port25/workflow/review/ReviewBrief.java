package net.port25.workflow.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Readable;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.inventory.ServiceInventory;
import net.port25.workflow.inventory.ServiceRecord;
import net.port25.workflow.request.ConfigurationState;
import net.port25.workflow.request.Correspondence;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.RecipientType;
import net.port25.workflow.request.RequestFacts;
import net.port25.workflow.request.RequestHistory;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Component;

/**
 * The texts the reviewRequest form shows read-only, as a person reads them: every fact as
 * the policy lists it, the customer's own words (the request as written, the questions
 * asked and the answers given), the findings, and the history of the request, its
 * service, its IP addresses and its customer.
 */
@Component
class ReviewBrief {

	private static final String NOT_GIVEN = "not given";

	private final Requests requests;

	private final Correspondence correspondence;

	private final AuditTrail audit;

	private final ServiceInventory inventory;

	ReviewBrief(Requests requests, Correspondence correspondence, AuditTrail audit, ServiceInventory inventory) {
		this.requests = requests;
		this.correspondence = correspondence;
		this.audit = audit;
		this.inventory = inventory;
	}

	Map<String, Object> variables(RequestRecord record) {
		String whole = "GET /api/requests/" + record.requestRef();
		List<Correspondence.Entry> letters = correspondence.of(record.requestRef());
		String summary = summary(record) + "\n" + inventoryLine(record, inventory.find(record.serviceId()));
		return Map.of(Variables.REQUEST_SUMMARY, Readable.bounded(summary, whole), Variables.REVIEW_FINDINGS,
				Readable.bounded(findings(record.findings()), whole), Variables.REQUEST_TEXT,
				Readable.bounded(requestText(letters), whole), Variables.REQUEST_CORRESPONDENCE,
				Readable.bounded(questionsAndAnswers(letters), whole), Variables.REQUEST_HISTORY,
				Readable.bounded(history(audit.forRequest(record.requestRef()), requests.history(record)), whole));
	}

	static String summary(RequestRecord record) {
		RequestFacts f = record.facts();
		return String.join("\n",
				"Request " + record.requestRef() + " from customer " + record.customerId() + ", by "
						+ record.channel().name().toLowerCase(Locale.ROOT) + ", submitted "
						+ Readable.dateTime(record.createdAt()),
				line("Service type", f.serviceType() == null ? null : f.serviceType().contractName()),
				line("Service ID / Device ID", f.serviceId()), line("Hostname", f.hostname()),
				line("IP address(es)", list(f.ipAddresses())), line("Reason port 25 is needed", f.useCase()),
				line("Application or platform sending mail", f.application()),
				line("Mail server software", f.mailServerSoftware()),
				line("Sending domain(s)", list(f.sendingDomains())), line("Website URL", f.websiteUrl()),
				line("Company information", f.companyInfo()), line("Type of email being sent", f.mailType()),
				line("Expected daily volume", number(f.expectedDailyVolume())),
				line("Expected monthly volume", number(f.expectedMonthlyVolume())),
				line("Recipient type", recipients(f.recipientType())),
				line("How recipients are obtained", f.recipientSource()),
				line("Recipients opted in", Readable.yesNo(f.optInConfirmed())),
				line("Abuse prevention controls in place", f.abuseControls()),
				line("SPF configured", configured(f.spfConfigured())),
				line("DKIM configured", configured(f.dkimConfigured())),
				line("DMARC configured", configured(f.dmarcConfigured())),
				line("rDNS configured", configured(f.rdnsConfigured())),
				line("rDNS (PTR) matches the hostname", Readable.yesNo(f.rdnsMatchesHostname())),
				line("Reason ports 465/587 cannot be used", f.submissionPortsInsufficientReason()),
				line("Additional notes", f.notes()));
	}

	/**
	 * Whether the inventory knows the service, and whether it agrees with the request.
	 */
	static String inventoryLine(RequestRecord record, Optional<ServiceRecord> service) {
		if (record.serviceId() == null) {
			return "Inventory: no service named yet";
		}
		return service
			.map((listed) -> "Inventory: " + listed.serviceType().contractName() + " " + listed.serviceId()
					+ " of customer " + listed.customerId() + ", " + listed.status().name().toLowerCase(Locale.ROOT)
					+ ", IP address(es) "
					+ (listed.ipAddresses().isEmpty() ? "none" : Readable.list(listed.ipAddresses()))
					+ (listed.isActive()
							&& listed.agreesWith(record.customerId(), record.serviceType(), record.ipAddresses())
									? ": agrees with the request" : ": does NOT agree with the request"))
			.orElse("Inventory: the service is not known to the inventory");
	}

	static String findings(List<Finding> findings) {
		if (findings.isEmpty()) {
			return "No findings.";
		}
		return findings.stream()
			.map((finding) -> severity(finding.severity()) + ": " + finding.description())
			.collect(Collectors.joining("\n"));
	}

	/** The request as the customer wrote it, if they wrote it in words. */
	static String requestText(List<Correspondence.Entry> letters) {
		return letters.stream()
			.filter((letter) -> letter.kind() == Correspondence.Kind.REQUEST)
			.map(Correspondence.Entry::text)
			.findFirst()
			.orElse("The request came in structured fields only.");
	}

	/** The questions asked and the answers given, the latest first. */
	static String questionsAndAnswers(List<Correspondence.Entry> letters) {
		List<Correspondence.Entry> exchange = new ArrayList<>(
				letters.stream().filter((letter) -> letter.kind() != Correspondence.Kind.REQUEST).toList());
		if (exchange.isEmpty()) {
			return "Nothing was asked.";
		}
		Collections.reverse(exchange);
		return exchange.stream().map(ReviewBrief::entry).collect(Collectors.joining("\n\n"));
	}

	static String history(List<AuditEntry> trail, RequestHistory earlier) {
		List<String> lines = new ArrayList<>();
		trail.stream().map(ReviewBrief::event).forEach(lines::add);
		lines.add("");
		if (earlier.earlier().isEmpty()) {
			lines.add("No earlier requests for this service, its IP addresses or this customer.");
		}
		else {
			lines.add("Earlier requests for this service, its IP addresses or this customer:");
			earlier.earlier().stream().map((other) -> "- " + earlierRequest(other, earlier)).forEach(lines::add);
		}
		return String.join("\n", lines);
	}

	private static String entry(Correspondence.Entry entry) {
		String when = Readable.dateTime(entry.at());
		return switch (entry.kind()) {
			case REQUEST -> "The request as the customer wrote it (" + when + "):\n" + entry.text();
			case QUESTIONS -> "Asked by " + entry.author() + " on " + when + ", to answer by "
					+ Readable.date(entry.answerBy()) + ":\n" + entry.text();
			case ANSWER -> "The customer's answer (" + when + "):\n" + entry.text();
		};
	}

	private static String event(AuditEntry entry) {
		String what = (entry.toStatus() == null) ? entry.action().inWords()
				: "now " + AccessStatus.valueOf(entry.toStatus()).inWords().toLowerCase(Locale.ROOT);
		return Readable.dateTime(entry.at()) + ", " + entry.actor() + ": " + what
				+ (entry.reason() == null ? "" : " (" + entry.reason() + ")");
	}

	private static String earlierRequest(RequestRecord other, RequestHistory history) {
		String whose = history.concernsTheSameService(other) ? "" : ", another service of the customer";
		return other.requestRef() + " (" + (other.serviceType() == null ? "" : other.serviceType().contractName() + " ")
				+ other.serviceId() + whose + "): " + other.status().inWords().toLowerCase(Locale.ROOT) + " since "
				+ Readable.dateTime(other.statusSince())
				+ (other.reasonCode() == null ? "" : " (" + other.reasonCode().code() + ")");
	}

	private static String severity(Finding.Severity severity) {
		return switch (severity) {
			case CRITICAL -> "Critical";
			case WARNING -> "Warning";
			case INFO -> "Note";
		};
	}

	private static String recipients(RecipientType type) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case OWN_CUSTOMERS -> "own users or customers only";
			case INTERNAL -> "internal systems";
			case PUBLIC -> "broader public";
		};
	}

	private static String configured(ConfigurationState state) {
		if (state == null) {
			return null;
		}
		return switch (state) {
			case CONFIGURED -> "Yes";
			case NOT_CONFIGURED -> "No";
			case BEFORE_SENDING -> "will be configured before sending";
		};
	}

	private static String number(Long value) {
		return (value == null) ? null : String.format(Locale.ENGLISH, "%,d", value);
	}

	private static String list(List<String> values) {
		return (values == null || values.isEmpty()) ? null : Readable.list(values);
	}

	private static String line(String label, String value) {
		return label + ": " + (value == null ? NOT_GIVEN : value);
	}

}
