-- Contract 1.1: the engine's own copy of the provisioning system's service records (topic port25.inventory), the
-- latest per service. Ownership of every request and toggle is checked against it.
create table service_inventory (
    service_id      text primary key,
    service_type    text        not null,
    customer_id     text        not null,
    ip_addresses    text[]      not null default '{}',
    status          text        not null,
    -- the record's own time: an older record never overwrites a newer one
    at              timestamptz not null,
    source_event_id text        not null,
    updated_at      timestamptz not null
);
create index service_inventory_customer on service_inventory (customer_id);
