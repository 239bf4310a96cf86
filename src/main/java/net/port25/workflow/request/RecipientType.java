package net.port25.workflow.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who receives the mail, by the contract's names (which JSON reads and writes). */
public enum RecipientType {

	OWN_CUSTOMERS("own-customers"), INTERNAL("internal"), PUBLIC("public");

	private final String contractName;

	RecipientType(String contractName) {
		this.contractName = contractName;
	}

	@JsonValue
	public String contractName() {
		return contractName;
	}

}
