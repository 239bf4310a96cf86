-- The request record: one row per port 25 request, from submission until its access ends.
create table access_request (
    request_ref   text primary key,
    channel       text        not null,
    customer_id   text        not null,
    service_type  text,
    service_id    text,
    ip_addresses  text[]      not null default '{}',
    facts         jsonb       not null,
    status        text        not null,
    missing_facts jsonb       not null default '[]',
    findings      jsonb       not null default '[]',
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

-- The policy's "one live request per service", enforced by the database so that it holds with several engine nodes.
create unique index access_request_one_live_per_service on access_request (service_id)
    where status in ('SUBMITTED', 'INFO_REQUESTED', 'IN_REVIEW', 'APPROVED', 'ENABLED', 'DISABLED');
create index access_request_customer on access_request (customer_id);
create index access_request_ip_addresses on access_request using gin (ip_addresses);

-- Who did what, when and why: every decision, state change, toggle, revocation and refused attempt.
create table audit_entry (
    id              bigserial primary key,
    request_ref     text,
    service_id      text,
    at              timestamptz not null,
    actor           text        not null,
    action          text        not null,
    from_status     text,
    to_status       text,
    reason          text,
    source_event_id text
);
create index audit_entry_request on audit_entry (request_ref, id);
create index audit_entry_service on audit_entry (service_id, id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
