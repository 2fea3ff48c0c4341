-- Indexes for taskTimelinessCounts (api/services/task-aggregates.ts): every grouped count of a
-- timeliness category (by lead unit, objective, or deadline day) becomes an index-only scan of that
-- category's tasks. Measured with EXPLAIN ANALYZE on the L data set (300,000 tasks, 259,037 of them
-- completed, 32,000 open) on PostgreSQL, grouped by lead unit, on a loaded machine:
--   Task (status, deadline, leadUnitId, objectiveId) replaces Task (status, deadline): same prefix
--     for the deadline filters and the open counts; open and overdue by unit 65 ms -> 18 ms.
--   Partial indexes, one per completed category: late 82 ms -> 15 ms, within extension 31 ms -> 9 ms,
--     on time 150 ms -> 40-70 ms (instead of three scans of every completed task).
-- The partial predicates name only the date columns (only completed tasks have a completion day,
-- "Task_completion_check"): Prisma compares the status with a cast parameter, which the planner
-- cannot match against a predicate on the status; the status is their first column instead, so the
-- scan answers the status condition from the index. Prisma's schema cannot describe partial
-- indexes, so they live in this migration only.

-- DropIndex
DROP INDEX "Task_status_deadline_idx";

-- CreateIndex
CREATE INDEX "Task_status_deadline_leadUnitId_objectiveId_idx" ON "Task"("status", "deadline", "leadUnitId", "objectiveId");

-- CreateIndex (partial, hand-written)
CREATE INDEX "Task_completed_on_time_idx" ON "Task"("status", "leadUnitId", "objectiveId", "deadline")
  WHERE "completedOn" <= "originalDeadline";

-- CreateIndex (partial, hand-written)
CREATE INDEX "Task_completed_within_extension_idx" ON "Task"("status", "leadUnitId", "objectiveId", "deadline")
  WHERE "completedOn" > "originalDeadline" AND "completedOn" <= "deadline";

-- CreateIndex (partial, hand-written)
CREATE INDEX "Task_completed_late_idx" ON "Task"("status", "leadUnitId", "objectiveId", "deadline")
  WHERE "completedOn" > "deadline";
