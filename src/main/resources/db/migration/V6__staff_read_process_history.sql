-- Tasklist's task history and comments read the process's history: the staff groups' grant on the port 25 process
-- (created at start-up by CamundaAuthorizations, READ only before this version) gains READ_HISTORY (4096).
-- Resource type 6 is Camunda's PROCESS_DEFINITION, authorization type 1 a grant. On a new database Camunda may not
-- have created its tables yet; the grant is then created with both permissions.
DO $$
BEGIN
    IF to_regclass('act_ru_authorization') IS NOT NULL THEN
        UPDATE act_ru_authorization
           SET perms_ = perms_ | 4096, rev_ = rev_ + 1
         WHERE type_ = 1
           AND resource_type_ = 6
           AND resource_id_ = 'port25-access'
           AND group_id_ IN ('port25-reviewers', 'noc', 'port25-leads')
           AND perms_ & 4096 = 0;
    END IF;
END
$$;
