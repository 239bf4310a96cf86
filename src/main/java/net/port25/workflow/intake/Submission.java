package net.port25.workflow.intake;

/** What became of a submitted request. */
public enum Submission {

	/** Stored and its process started. */
	REGISTERED,

	/**
	 * Refused: the service already has an open request or active access (the customer is
	 * told so).
	 */
	DUPLICATE,

	/**
	 * Refused: the inventory lists the service under someone else (or does not know it,
	 * where it must); the customer is told only that it is not found in their account.
	 */
	NOT_YOUR_SERVICE,

	/** A request with this reference exists already; nothing changed. */
	ALREADY_REGISTERED

}
