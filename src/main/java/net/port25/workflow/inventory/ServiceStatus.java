package net.port25.workflow.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a service stands in the provisioning system. */
public enum ServiceStatus {

	@JsonProperty("active")
	ACTIVE,

	@JsonProperty("suspended")
	SUSPENDED,

	@JsonProperty("released")
	RELEASED

}
