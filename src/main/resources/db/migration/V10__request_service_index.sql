-- A service's requests by service id, live or ended: the latest one (the service's state), how often it was revoked,
-- the earlier requests the reviewer sees. Without it each of these scanned every request (bench: PostgreSQL's CPU per
-- request grew with the table and became the bottleneck of the mixed load and of two nodes).
create index access_request_service on access_request (service_id, created_at desc);
