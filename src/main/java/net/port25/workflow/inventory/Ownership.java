package net.port25.workflow.inventory;

/** What the inventory says about who may ask for a service. */
public enum Ownership {

	/**
	 * The inventory lists the service as active, under this customer and type, with these
	 * addresses.
	 */
	OWNED,

	/**
	 * The inventory lists it otherwise: another customer or type, other addresses, or not
	 * active. Never told apart to the asker, who might learn whose it is.
	 */
	NOT_THEIRS,

	/** The inventory does not know the service. */
	UNKNOWN

}
