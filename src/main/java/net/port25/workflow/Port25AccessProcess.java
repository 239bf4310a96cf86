package net.port25.workflow;

/**
 * Names shared with {@code bpmn/port25-access.bpmn}: the process key, its messages, tasks and variables.
 * Message names equal the CloudEvents types of the contract.
 */
public final class Port25AccessProcess {

	public static final String PROCESS_KEY = "port25-access";

	public static final String MESSAGE_REQUEST_SUBMITTED = "port25.request.submitted";

	public static final String TASK_REVIEW_REQUEST = "reviewRequest";

	public static final String GROUP_REVIEWERS = "port25-reviewers";

	public static final class Variables {

		public static final String REQUEST_REF = "requestRef";

		public static final String CUSTOMER_ID = "customerId";

		public static final String CHANNEL = "channel";

		public static final String SERVICE_TYPE = "serviceType";

		public static final String SERVICE_ID = "serviceId";

		public static final String SOURCE_EVENT_ID = "sourceEventId";

		private Variables() {
		}

	}

	private Port25AccessProcess() {
	}

}
