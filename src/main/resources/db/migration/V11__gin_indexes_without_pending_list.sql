-- The IP address indexes are searched on every submission, answer, toggle and abuse report (the live request of an
-- address, the earlier requests and reports the reviewer sees), and written a few entries at a time. With GIN's fast
-- update every search also scans the index's pending list of recent entries, which grows to gin_pending_list_limit
-- (4 MB) before it is merged: bench, 2,430 requests, 8 pending pages of 2,196 entries: an address lookup took 0.64 ms,
-- 0.13 ms with the list merged. Without fast update each insert goes into the index itself.
alter index access_request_ip_addresses set (fastupdate = off);
alter index access_request_approved_ip_addresses set (fastupdate = off);
alter index abuse_report_service_ip_addresses set (fastupdate = off);
select gin_clean_pending_list('access_request_ip_addresses'::regclass);
select gin_clean_pending_list('access_request_approved_ip_addresses'::regclass);
select gin_clean_pending_list('abuse_report_service_ip_addresses'::regclass);
