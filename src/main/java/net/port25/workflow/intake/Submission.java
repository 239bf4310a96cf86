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

	/** A request with this reference exists already; nothing changed. */
	ALREADY_REGISTERED

}
