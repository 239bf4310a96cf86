package net.port25.workflow.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies of the REST API are small: the largest request the limits allow is far below
 * {@link #MAX_BODY_BYTES}. A larger one is refused (413) before anything reads it, so
 * that no caller makes the engine parse megabytes of JSON; a body sent without a length
 * is cut off there, and then is not readable JSON (400).
 */
class RequestBodyLimit extends OncePerRequestFilter {

	static final int MAX_BODY_BYTES = 256 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
					"Request bodies are limited to " + MAX_BODY_BYTES + " bytes.");
			return;
		}
		chain.doFilter(new LimitedBodyRequest(request), response);
	}

	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		LimitedBodyRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream body = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int next = body.read();
					count(next < 0 ? 0 : 1);
					return next;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int count = body.read(buffer, offset, length);
					count(Math.max(count, 0));
					return count;
				}

				private void count(int bytes) throws IOException {
					read += bytes;
					if (read > MAX_BODY_BYTES) {
						throw new IOException("request body longer than " + MAX_BODY_BYTES + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return body.isFinished();
				}

				@Override
				public boolean isReady() {
					return body.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					body.setReadListener(listener);
				}

			};
		}

	}

}
