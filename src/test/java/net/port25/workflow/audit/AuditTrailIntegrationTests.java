package net.port25.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.UUID;

import net.port25.workflow.infrastructure.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail on PostgreSQL: what goes in comes back in order, and nothing in it can
 * be changed or removed.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void keepsEveryEntryWithActorTimeReasonAndSourceEventOldestFirst() {
		String requestRef = unique("T-AUDIT");
		String serviceId = unique("SVC-AUDIT");
		audit.record(new AuditEntry(requestRef, serviceId, Instant.now(), "customer:C-1", AuditAction.STATUS_CHANGED,
				null, "SUBMITTED", null, "evt-1"));
		audit.record(AuditEntry.action(requestRef, serviceId, "customer:C-1", AuditAction.TOGGLE_REFUSED,
				"the port 25 request is not approved yet", "evt-2"));
		audit.record(AuditEntry.action(null, serviceId, "customer:C-2", AuditAction.TOGGLE_REFUSED,
				"device does not belong to customer C-2", "evt-3"));

		assertThat(audit.forRequest(requestRef)).extracting(AuditEntry::sourceEventId)
			.containsExactly("evt-1", "evt-2");
		assertThat(audit.forService(serviceId)).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::reason)
			.containsExactly(tuple("customer:C-1", AuditAction.STATUS_CHANGED, null),
					tuple("customer:C-1", AuditAction.TOGGLE_REFUSED, "the port 25 request is not approved yet"),
					tuple("customer:C-2", AuditAction.TOGGLE_REFUSED, "device does not belong to customer C-2"));
		assertThat(audit.forService(serviceId)).allSatisfy((entry) -> assertThat(entry.at()).isNotNull());
	}

	@Test
	void refusesToChangeAnEntry() {
		String serviceId = recordOne();

		assertThatThrownBy(() -> jdbc.sql("update audit_entry set reason = 'nothing happened' where service_id = ?")
			.param(serviceId)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("audit_entry is append-only");
		assertThat(audit.forService(serviceId)).extracting(AuditEntry::reason).containsExactly("revoked by hand");
	}

	@Test
	void refusesToRemoveAnEntry() {
		String serviceId = recordOne();

		assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where service_id = ?").param(serviceId).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("audit_entry is append-only");
		assertThat(audit.forService(serviceId)).hasSize(1);
	}

	private String recordOne() {
		String serviceId = unique("SVC-AUDIT");
		audit.record(AuditEntry.action(unique("T-AUDIT"), serviceId, "reviewer", AuditAction.REVOCATION_REFUSED,
				"revoked by hand", "staff-1"));
		return serviceId;
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

}
