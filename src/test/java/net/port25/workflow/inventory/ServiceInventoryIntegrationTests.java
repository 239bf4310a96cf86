package net.port25.workflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import net.port25.workflow.access.ServiceType;
import net.port25.workflow.infrastructure.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inventory's copy on a real PostgreSQL. */
@IntegrationTest
class ServiceInventoryIntegrationTests {

	@Autowired
	ServiceInventory inventory;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aTransactionReadsAServiceOnceUntilItIsSaved() {
		String serviceId = "DEV-" + UUID.randomUUID();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		inventory.apply(changed(serviceId, "10.98.0.1", at), UUID.randomUUID().toString());
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult((status) -> {
			ServiceRecord first = inventory.find(serviceId).orElseThrow();
			assertThat(inventory.find(serviceId)).as("read again in the same transaction").containsSame(first);

			inventory.apply(changed(serviceId, "10.98.0.2", at.plusSeconds(1)), UUID.randomUUID().toString());

			assertThat(inventory.find(serviceId).orElseThrow().ipAddresses()).containsExactly("10.98.0.2");
		});
		ServiceRecord outside = inventory.find(serviceId).orElseThrow();
		assertThat(inventory.find(serviceId).orElseThrow()).as("outside a transaction every read is new")
			.isNotSameAs(outside);
	}

	private static ServiceChanged changed(String serviceId, String ipAddress, Instant at) {
		return new ServiceChanged(serviceId, ServiceType.C_METAL, "C-" + serviceId, List.of(ipAddress),
				ServiceStatus.ACTIVE, at);
	}

}
