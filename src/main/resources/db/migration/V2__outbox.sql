-- Transactional outbox: events are written here in the transaction that decides them and sent to Kafka by the
-- relay after commit, so a rolled-back transaction sends nothing and a committed one is sent at least once.
create table outbox_event (
    id           bigserial   primary key,
    topic        text        not null,
    record_key   text        not null,
    -- the CloudEvent in JSON structured mode, byte for byte the Kafka record value
    payload      bytea       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

-- the relay reads only pending rows, in id order; published rows are kept for a while and then purged
create index outbox_event_pending on outbox_event (id) where published_at is null;
