-- Facts frozen at approval: port commands name these, whatever the request's facts say later.
alter table access_request
    add column approved_service_id   text,
    add column approved_ip_addresses text[],
    add column approved_at           timestamptz,
    -- contract 1.1: why the request ended (rejected, closed, revoked), and since when it is in its present state
    add column reason_code           text,
    add column status_since          timestamptz;
update access_request set status_since = updated_at where status_since is null;
alter table access_request alter column status_since set not null;
create index access_request_approved_ip_addresses on access_request using gin (approved_ip_addresses);

-- What the customer wrote and what they were asked, in their own words: the reviewer reads it as it was sent.
create table request_correspondence (
    id          bigserial primary key,
    request_ref text        not null,
    at          timestamptz not null,
    kind        text        not null,
    author      text        not null,
    text        text,
    -- QUESTIONS: the date by which an answer is needed
    answer_by   timestamptz
);
create index request_correspondence_request on request_correspondence (request_ref, id);

-- Every abuse report, for the reviewer and the risk assessment: by service, by IP address and by customer.
create table abuse_report (
    id              bigserial primary key,
    source_event_id text,
    service_id      text,
    ip_address      text,
    -- the addresses the reported service held then: a later request for one of them sees the report
    service_ip_addresses text[] not null default '{}',
    customer_id     text,
    request_ref     text,
    category        text        not null,
    severity        text        not null,
    evidence        text,
    detected_at     timestamptz,
    reported_at     timestamptz not null,
    -- what the report did: REVOKED, REVIEW, REJECTED, FINDING or RECORDED; a review's outcome follows
    effect          text        not null,
    review_outcome  text,
    reviewed_by     text,
    review_reason   text,
    reviewed_at     timestamptz
);
create index abuse_report_service on abuse_report (service_id, id);
create index abuse_report_ip on abuse_report (ip_address, id);
create index abuse_report_service_ip_addresses on abuse_report using gin (service_ip_addresses);
create index abuse_report_customer on abuse_report (customer_id, id);
create index abuse_report_request on abuse_report (request_ref, id);
