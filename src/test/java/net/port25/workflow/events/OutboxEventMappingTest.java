package net.port25.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import net.port25.workflow.access.AccessChanged;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.access.Channel;
import net.port25.workflow.access.CustomerNotice;
import net.port25.workflow.access.PortCommand;
import net.port25.workflow.access.ReasonCode;
import net.port25.workflow.access.ServiceType;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** {@link OutboundEvents}: the contract's envelope, topic, key and data for each port. */
class OutboxEventMappingTest {

	// not the application's: the data records themselves leave out nulls and write times
	// as ISO-8601
	private final ObjectMapper objectMapper = Jackson2ObjectMapperBuilder.json().build();

	private final TopicsProperties topics = new TopicsProperties("port25.requests", "port25.dashboard.toggles",
			"port25.abuse.events", "port25.inventory", "port25.replies", "port25.network.commands",
			"port25.access.changes", 6, (short) 1);

	private final Outbox outbox = mock(Outbox.class);

	private final OutboundEvents outbound = new OutboundEvents(topics, objectMapper, outbox);

	@Test
	void noticeWithoutOptionalFieldsLeavesThemOut() throws Exception {
		outbound.notify(new CustomerNotice(CustomerNotice.Type.REQUEST_APPROVED, "T-1", Channel.DASHBOARD, "C-1",
				ServiceType.C_VIRTUAL, "VM-1", "Port 25 is open.", null, null, null, null));

		CloudEvent event = appended("port25.replies", "T-1");
		assertThat(event.getType()).isEqualTo("port25.request.approved");
		assertThat(data(event)).isEqualTo(objectMapper.readTree("""
				{ "requestRef": "T-1", "channel": "dashboard", "customerId": "C-1", "serviceType": "cVirtual",
				  "serviceId": "VM-1", "message": "Port 25 is open." }
				"""));
	}

	@Test
	void rejectionCarriesItsReason() throws Exception {
		outbound.notify(new CustomerNotice(CustomerNotice.Type.REQUEST_REJECTED, "T-2", Channel.TICKET, "C-1",
				ServiceType.I_COLOCATION, "COLO-1", "Not this time.", "duplicate", ReasonCode.DUPLICATE, null, null));

		CloudEvent event = appended("port25.replies", "T-2");
		assertThat(event.getType()).isEqualTo("port25.request.rejected");
		assertThat(data(event).get("reason").asText()).isEqualTo("duplicate");
		assertThat(data(event).get("channel").asText()).isEqualTo("ticket");
	}

	@Test
	void closeCommandIsKeyedByService() throws Exception {
		outbound.send(new PortCommand(PortCommand.Action.CLOSE, "cmd-1", ServiceType.C_VIRTUAL, "VM-2",
				List.of("198.51.100.7"), "abuse: spam", "T-3"));

		CloudEvent event = appended("port25.network.commands", "VM-2");
		assertThat(event.getType()).isEqualTo("port25.port.close");
		assertThat(data(event)).isEqualTo(objectMapper.readTree("""
				{ "commandId": "cmd-1", "serviceType": "cVirtual", "serviceId": "VM-2",
				  "ipAddresses": ["198.51.100.7"], "reason": "abuse: spam", "requestRef": "T-3" }
				"""));
	}

	@Test
	void accessChangeSpellsStatusesByName() throws Exception {
		outbound.publish(new AccessChanged(ServiceType.I_COLOCATION, "COLO-2", "C-2", "T-4", AccessStatus.REVOKED,
				AccessStatus.ENABLED, "reviewer", "abuse confirmed", Instant.parse("2026-11-27T10:15:00Z")));

		CloudEvent event = appended("port25.access.changes", "COLO-2");
		assertThat(event.getType()).isEqualTo("port25.access.changed");
		assertThat(data(event)).isEqualTo(objectMapper.readTree("""
				{ "serviceType": "iColocation", "serviceId": "COLO-2", "customerId": "C-2", "requestRef": "T-4",
				  "status": "REVOKED", "previousStatus": "ENABLED", "actor": "reviewer", "reason": "abuse confirmed",
				  "at": "2026-11-27T10:15:00Z" }
				"""));
	}

	@Test
	void everyEventIsANewCloudEventOfThisEngine() {
		CustomerNotice notice = new CustomerNotice(CustomerNotice.Type.REMINDER_SENT, "T-5", Channel.TICKET, "C-1",
				ServiceType.C_METAL, "DEV-1", "Reminder", null, null, null, null);
		outbound.notify(notice);
		outbound.notify(notice);

		ArgumentCaptor<CloudEvent> events = ArgumentCaptor.forClass(CloudEvent.class);
		verify(outbox, times(2)).append(eq("port25.replies"), eq("T-5"), events.capture());
		assertThat(events.getAllValues()).allSatisfy(event -> {
			assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
			assertThat(event.getSource()).hasToString("/port25-workflow");
			assertThat(event.getDataContentType()).isEqualTo("application/json");
			assertThat(event.getTime()).isNotNull();
		});
		assertThat(events.getAllValues().get(0).getId()).isNotEqualTo(events.getAllValues().get(1).getId());
	}

	private CloudEvent appended(String topic, String key) {
		ArgumentCaptor<CloudEvent> event = ArgumentCaptor.forClass(CloudEvent.class);
		verify(outbox).append(eq(topic), eq(key), event.capture());
		return event.getValue();
	}

	private JsonNode data(CloudEvent event) throws Exception {
		return objectMapper.readTree(event.getData().toBytes());
	}

}
