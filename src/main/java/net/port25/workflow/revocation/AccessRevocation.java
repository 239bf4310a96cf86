package net.port25.workflow.revocation;

import java.time.Instant;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Actors;
import net.port25.workflow.access.CustomerMessage;
import net.port25.workflow.access.CustomerMessages;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.CustomerNotifier;
import net.port25.workflow.access.NetworkCommands;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.access.Readable;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import org.springframework.stereotype.Service;

/**
 * Ends access for abuse or at staff's decision: without notice, the port is closed first,
 * then the customer told in customer-safe words (what was reported and when, never the
 * monitor's evidence).
 */
@Service
public class AccessRevocation {

	private final Requests requests;

	private final AbuseReports reports;

	private final NetworkCommands network;

	private final CustomerNotifier notifier;

	private final CustomerMessages messages;

	AccessRevocation(Requests requests, AbuseReports reports, NetworkCommands network, CustomerNotifier notifier,
			CustomerMessages messages) {
		this.requests = requests;
		this.reports = reports;
		this.network = network;
		this.notifier = notifier;
		this.messages = messages;
	}

	/**
	 * Granted access is revoked: the port is closed, the access revoked and the customer
	 * told.
	 * @param reason for the audit trail (and the customer's text when staff revoke)
	 * @param abuseReportId the report that led to it, or null
	 */
	public void revoke(String requestRef, ReasonCode reasonCode, String reason, Long abuseReportId, String actor,
			String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		network.send(record.portCommand(PortCommand.Action.CLOSE, "access revoked (" + reasonCode.code() + ")"));
		requests.changeStatus(requestRef, AccessStatus.REVOKED, reasonCode, actor, reason, sourceEventId);
		String now = Readable.dateTime(Instant.now());
		String type = record.serviceType().contractName();
		if (reasonCode == ReasonCode.ABUSE && abuseReportId != null) {
			AbuseReport report = reports.get(abuseReportId);
			String reported = messages.text(report.category().inWords());
			notifier.notify(record.notice(CustomerNotice.Type.ACCESS_REVOKED,
					messages.text(CustomerMessage.REVOKED_FOR_ABUSE, type, record.serviceId(), now, reported,
							requestRef),
					messages.text(CustomerMessage.REVOKED_FOR_ABUSE_REASON, reported,
							Readable.dateTime(report.seenAt())),
					reasonCode));
		}
		else if (reasonCode == ReasonCode.INVENTORY_CHANGED) {
			notifier.notify(record.notice(CustomerNotice.Type.ACCESS_REVOKED,
					messages.text(CustomerMessage.REVOKED_INVENTORY_CHANGED, type, record.serviceId(), now),
					messages.text(CustomerMessage.CLOSED_INVENTORY_CHANGED_REASON), reasonCode));
		}
		else {
			notifier.notify(record.notice(CustomerNotice.Type.ACCESS_REVOKED,
					messages.text(CustomerMessage.REVOKED_BY_STAFF, type, record.serviceId(), now, reason), reason,
					reasonCode));
		}
	}

	/**
	 * High or critical abuse while the request was still being decided: it is rejected.
	 */
	public void rejectForAbuse(String requestRef, long abuseReportId, String reportedAbuse, String sourceEventId) {
		RequestRecord record = requests.get(requestRef);
		AbuseReport report = reports.get(abuseReportId);
		String reported = messages.text(report.category().inWords());
		String reason = messages.text(CustomerMessage.REJECTED_FOR_ABUSE_REASON, reported);
		notifier
			.notify(record.notice(
					CustomerNotice.Type.REQUEST_REJECTED, messages.text(CustomerMessage.REJECTED_FOR_ABUSE, requestRef,
							reported, record.serviceId(), Readable.dateTime(report.seenAt())),
					reason, ReasonCode.ABUSE));
		requests.changeStatus(requestRef, AccessStatus.REJECTED, ReasonCode.ABUSE, Actors.ABUSE_MONITOR,
				"abuse reported: " + reportedAbuse, sourceEventId);
	}

}
