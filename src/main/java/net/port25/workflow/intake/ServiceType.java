package net.port25.workflow.intake;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three service types on which port 25 is blocked by default; the JSON names are the contract's. */
public enum ServiceType {

	@JsonProperty("cVirtual")
	C_VIRTUAL,

	@JsonProperty("cMetal")
	C_METAL,

	@JsonProperty("iColocation")
	I_COLOCATION

}
