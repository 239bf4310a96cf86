package net.port25.workflow.access;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a request came from, and so where replies go back to. */
public enum Channel {

	@JsonProperty("ticket")
	TICKET,

	@JsonProperty("dashboard")
	DASHBOARD

}
