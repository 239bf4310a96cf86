package net.port25.workflow.api;

import java.time.Instant;
import java.util.List;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.request.Finding;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.audit.AuditEntry;
import net.port25.workflow.request.MissingFact;
import net.port25.workflow.request.RequestFacts;
import net.port25.workflow.request.RequestRecord;

/**
 * One request with everything known about it: its facts, what is missing, the findings
 * and its audit trail.
 */
record RequestDetails(String requestRef, Channel channel, String customerId, ServiceType serviceType, String serviceId,
		AccessStatus status, Instant createdAt, RequestFacts facts, List<MissingFact> missingFacts,
		List<Finding> findings, List<AuditEntry> auditTrail) {

	static RequestDetails of(RequestRecord record, List<AuditEntry> auditTrail) {
		return new RequestDetails(record.requestRef(), record.channel(), record.customerId(), record.serviceType(),
				record.serviceId(), record.status(), record.createdAt(), record.facts(), record.missingFacts(),
				record.findings(), auditTrail);
	}

}
