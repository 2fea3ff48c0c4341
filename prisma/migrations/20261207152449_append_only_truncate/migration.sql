-- Hand-written: the timeline and the audit log refuse TRUNCATE as they refuse UPDATE and DELETE.
-- Row triggers do not fire on TRUNCATE, so these are statement triggers; a TRUNCATE ... CASCADE
-- from a table they depend on (Task, Account) is refused too.
CREATE TRIGGER "TaskEvent_no_truncate" BEFORE TRUNCATE ON "TaskEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

-- A piece of evidence counts its reviews from 1, as a task counts its versions.
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_version_check" CHECK ("version" >= 1);
