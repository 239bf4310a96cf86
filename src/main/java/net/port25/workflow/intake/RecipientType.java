package net.port25.workflow.intake;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum RecipientType {

	@JsonProperty("own-customers")
	OWN_CUSTOMERS,

	@JsonProperty("internal")
	INTERNAL,

	@JsonProperty("public")
	PUBLIC

}
