-- Indexes the benchmark (npm run bench, test/bench) showed to help, measured on the L data set
-- (300,000 tasks, 300,000 evidence) on PostgreSQL:
--   Task (status, completedOn, originalDeadline, deadline): the COMPLETED_* timeliness filters and counts
--     become index-only scans, and a completion-date range an index range scan.
--   Task (status, submittedAt): the review queue's submitted tasks, oldest submission first.
--   Evidence (reviewStatus, submittedAt): the review queue's evidence awaiting review, oldest first.
--   Evidence (taskId, reviewStatus) replaces Evidence (taskId): the same lookups by task, and the
--     review queue's count of pending evidence on open tasks as an index-only scan.

-- DropIndex
DROP INDEX "Evidence_taskId_idx";

-- CreateIndex
CREATE INDEX "Evidence_taskId_reviewStatus_idx" ON "Evidence"("taskId", "reviewStatus");

-- CreateIndex
CREATE INDEX "Evidence_reviewStatus_submittedAt_idx" ON "Evidence"("reviewStatus", "submittedAt");

-- CreateIndex
CREATE INDEX "Task_status_completedOn_originalDeadline_deadline_idx" ON "Task"("status", "completedOn", "originalDeadline", "deadline");

-- CreateIndex
CREATE INDEX "Task_status_submittedAt_idx" ON "Task"("status", "submittedAt");
