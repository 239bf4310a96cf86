package net.port25.workflow.review;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.port25.workflow.Port25AccessProcess.Variables;
import net.port25.workflow.access.InputLimits;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.request.Finding;
import net.port25.workflow.request.RequestFacts;
import net.port25.workflow.request.RequestRecord;
import org.springframework.stereotype.Component;

/**
 * The texts the reviewRequest form shows read-only: the whole request, the findings and
 * the request's history.
 */
@Component
class ReviewBrief {

	private static final String EARLIER_LEFT_OUT = "(earlier entries left out)\n...";

	private final AuditTrail audit;

	ReviewBrief(AuditTrail audit) {
		this.audit = audit;
	}

	/**
	 * The texts as form variables, each within what a process variable holds: the summary
	 * and the findings are cut at the end, the history keeps its latest entries.
	 */
	Map<String, Object> variables(RequestRecord record) {
		return Map.of(Variables.REQUEST_SUMMARY,
				InputLimits.shorten(summary(record), InputLimits.MAX_VARIABLE_TEXT_LENGTH), Variables.REVIEW_FINDINGS,
				InputLimits.shorten(findings(record.findings()), InputLimits.MAX_VARIABLE_TEXT_LENGTH),
				Variables.REQUEST_HISTORY, latest(history(audit.forRequest(record.requestRef()))));
	}

	private static String latest(String history) {
		if (history.length() <= InputLimits.MAX_VARIABLE_TEXT_LENGTH) {
			return history;
		}
		return EARLIER_LEFT_OUT + history
			.substring(history.length() - InputLimits.MAX_VARIABLE_TEXT_LENGTH + EARLIER_LEFT_OUT.length());
	}

	static String summary(RequestRecord record) {
		RequestFacts f = record.facts();
		return String.join("\n",
				"Request " + record.requestRef() + " from customer " + record.customerId() + " via "
						+ record.channel().name().toLowerCase(),
				line("Service",
						(f.serviceType() == null ? "(type not given)" : f.serviceType().contractName()) + " "
								+ f.serviceId()),
				line("Hostname", f.hostname()), line("IP addresses", f.ipAddresses()), line("Use case", f.useCase()),
				line("Application", f.application()), line("Mail server software", f.mailServerSoftware()),
				line("Type of email", f.mailType()), line("Sending domains", f.sendingDomains()),
				line("Website", f.websiteUrl()), line("Company", f.companyInfo()),
				line("Daily / monthly volume", f.expectedDailyVolume() + " / " + f.expectedMonthlyVolume()),
				line("Recipients", f.recipientType()), line("How recipients are obtained", f.recipientSource()),
				line("Abuse controls", f.abuseControls()),
				line("SPF / DKIM / DMARC / rDNS",
						f.spfConfigured() + " / " + f.dkimConfigured() + " / " + f.dmarcConfigured() + " / "
								+ f.rdnsConfigured()),
				line("Why not 465/587", f.submissionPortsInsufficientReason()), line("Notes", f.notes()));
	}

	static String findings(List<Finding> findings) {
		if (findings.isEmpty()) {
			return "No findings.";
		}
		return findings.stream()
			.map(finding -> "[" + finding.severity() + "] " + finding.code() + ": " + finding.description())
			.collect(Collectors.joining("\n"));
	}

	static String history(List<AuditEntry> entries) {
		return entries.stream()
			.map(entry -> entry.at() + " " + entry.actor() + " " + entry.action()
					+ (entry.toStatus() == null ? "" : " " + entry.fromStatus() + " -> " + entry.toStatus())
					+ (entry.reason() == null ? "" : ": " + entry.reason()))
			.collect(Collectors.joining("\n"));
	}

	private static String line(String label, Object value) {
		return label + ": " + (value == null ? "(not given)" : value);
	}

}
