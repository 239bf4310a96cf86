-- CloudEvents names an event by source and id together: two producers may use the same id. Claims made before this
-- migration keep the source '' (unknown) and stand for their id from any source until they are purged.
alter table processed_event add column source text not null default '';
alter table processed_event alter column source drop default;
alter table processed_event drop constraint processed_event_pkey;
alter table processed_event add primary key (source, event_id);
-- claims are purged after port25.inbound.deduplication-retention
create index processed_event_processed_at on processed_event (processed_at);

-- The CloudEvent source an event came from, checked against the allow-list (port25.inbound.sources): who said so,
-- beside the actor the event names. Empty for what did not come in as an event (REST API, staff, timers).
alter table audit_entry add column verified_source text;
