package net.port25.workflow.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it (a request line it
 * cannot parse, a character not allowed in a URL) as an RFC 9457 problem detail, in place
 * of Tomcat's HTML error page. Installed as the host's error report valve
 * ({@link ErrorResponsesConfiguration}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		HttpStatus status = HttpStatus.resolve(code);
		if (code < 400 || status == null || response.getContentWritten() > 0) {
			return;
		}
		// nothing can be written after an error that broke the connection
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(ProblemResponses
					.json(ProblemResponses.problem(status, ProblemResponses.genericDetail(status), null)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone, or the response was taken over: nothing more to say
		}
	}

}
