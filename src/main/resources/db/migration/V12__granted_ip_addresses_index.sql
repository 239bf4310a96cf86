-- The addresses that granted access holds, for the revocation lane: for every poll of abuse reports it asks which of
-- their addresses granted access covers, and a storm's polls name hundreds of addresses. For an array that long the
-- planner preferred reading every request to hundreds of searches of the index of all addresses (bench, 27,035
-- requests, 400 addresses: 206 ms), and a lane that falls behind polls more at a time. The granted requests are few:
-- the same lookup in this index took 0.2 ms. The states are RequestRecords.GRANTED's, in its order.
create index access_request_granted_ip_addresses on access_request using gin (ip_addresses) with (fastupdate = off)
    where status in ('APPROVED', 'ENABLED', 'DISABLED');
