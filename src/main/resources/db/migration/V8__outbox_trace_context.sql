-- The trace context (propagation headers such as W3C traceparent) of the span an outbound event was written in, so
-- that the relay's send continues that trace and the outbound record carries it; null for events written outside a
-- trace (timers).
alter table outbox_event add column trace_headers jsonb;
