package net.port25.workflow.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The three service types on which port 25 is blocked by default; the names are the
 * contract's.
 */
public enum ServiceType {

	C_VIRTUAL("cVirtual"), C_METAL("cMetal"), I_COLOCATION("iColocation");

	private final String contractName;

	ServiceType(String contractName) {
		this.contractName = contractName;
	}

	@JsonValue
	public String contractName() {
		return contractName;
	}

	/**
	 * The service type with exactly this contract name, as JSON must give it; anything
	 * else is refused.
	 */
	@JsonCreator
	public static ServiceType ofContractName(String name) {
		for (ServiceType type : values()) {
			if (type.contractName.equals(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException(
				"unknown serviceType '" + InputLimits.shorten(name, InputLimits.MAX_IDENTIFIER_LENGTH)
						+ "' (expected cVirtual, cMetal or iColocation)");
	}

	/**
	 * The service type with this contract name as a person writes it (case-insensitive,
	 * spaces around it ignored), for free text; unknown names are refused.
	 */
	public static ServiceType fromContractName(String name) {
		for (ServiceType type : values()) {
			if (type.contractName.equalsIgnoreCase(name == null ? "" : name.trim())) {
				return type;
			}
		}
		throw new IllegalArgumentException(
				"unknown serviceType '" + name + "' (expected cVirtual, cMetal or iColocation)");
	}

}
