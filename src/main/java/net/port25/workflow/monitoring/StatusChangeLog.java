package net.port25.workflow.monitoring;

import net.port25.workflow.request.RequestStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One log line for each change of a request's state, written where it happens (in the
 * engine's transaction): in the log it stands among the lines of the event or task that
 * caused it, with their request reference, event id and process instance in the MDC.
 */
@Component
class StatusChangeLog {

	private static final Logger log = LoggerFactory.getLogger(StatusChangeLog.class);

	@EventListener
	void on(RequestStatusChanged change) {
		if (change.from() == null) {
			log.info("Request {} registered as {} by {}", change.requestRef(), change.to(), change.actor());
		}
		else {
			log.info("Request {} changes from {} to {} by {}", change.requestRef(), change.from(), change.to(),
					change.actor());
		}
	}

}
