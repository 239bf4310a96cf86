package net.port25.workflow.enablement;

import net.port25.workflow.access.ReasonCode;

/** Why a switch was not honoured, as the sender was told; the code is the contract's. */
public record ToggleRefusal(ReasonCode reasonCode, String message) {

	/** The device is not the sender's, or not known: nothing about it may be told. */
	public boolean isNotTheirs() {
		return reasonCode == ReasonCode.NOT_YOUR_SERVICE;
	}

}
