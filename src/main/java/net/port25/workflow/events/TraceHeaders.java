package net.port25.workflow.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The trace context across the outbox: taken from the current span (the inbound record's
 * listener, an API call) when an event is written, stored with it, and the parent of the
 * span that sends it, whose context goes into the outbound record's headers (W3C
 * {@code traceparent} by default). Without tracing, or for an event written outside a
 * trace (a timer), there is nothing to carry.
 */
@Component
class TraceHeaders {

	private final Tracer tracer;

	private final Propagator propagator;

	TraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
	}

	/** The current trace context as propagation headers; empty outside a trace. */
	Map<String, String> current() {
		TraceContext context = tracer.currentTraceContext().context();
		Map<String, String> headers = new LinkedHashMap<>();
		if (context != null) {
			propagator.inject(context, headers, Map::put);
		}
		return headers;
	}

	/**
	 * Starts the span that sends one outbound record, as a child of the stored context,
	 * and puts its context into the record's headers; end it once the broker has
	 * answered. Without a stored context, a span that records nothing.
	 */
	Span startSend(Map<String, String> parent, ProducerRecord<String, byte[]> record) {
		if (parent.isEmpty()) {
			return Span.NOOP;
		}
		Span span = propagator.extract(parent, Map::get)
			.name("outbox send")
			.kind(Span.Kind.PRODUCER)
			.tag("messaging.destination.name", record.topic())
			.start();
		propagator.inject(span.context(), record,
				(target, key, value) -> target.headers().add(key, value.getBytes(StandardCharsets.UTF_8)));
		return span;
	}

}
