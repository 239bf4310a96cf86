-- The inbound events that have had their effect, written in the same transaction as that effect: a redelivered
-- event (at-least-once producers, a crash before the offset commit, a rebalance) finds its id here and changes nothing.
create table processed_event (
    event_id     text primary key,
    event_type   text        not null,
    topic        text        not null,
    processed_at timestamptz not null default now()
);
