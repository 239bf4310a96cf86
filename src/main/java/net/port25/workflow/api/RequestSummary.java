package net.port25.workflow.api;

import java.time.Instant;

import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.ServiceType;
import net.port25.workflow.request.RequestRecord;

/** A request in a list: who, which service, where it stands. */
record RequestSummary(String requestRef, Channel channel, String customerId, ServiceType serviceType, String serviceId,
		AccessStatus status, Instant createdAt) {

	static RequestSummary of(RequestRecord record) {
		return new RequestSummary(record.requestRef(), record.channel(), record.customerId(), record.serviceType(),
				record.serviceId(), record.status(), record.createdAt());
	}

}
