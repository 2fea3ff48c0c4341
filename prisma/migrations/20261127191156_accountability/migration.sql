-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('CREATE', 'UPDATE', 'SIGN_IN', 'SIGN_OUT');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "ImprovementPlan" ADD COLUMN     "reviewNote" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "statusReason" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" VARCHAR(200) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "operation" VARCHAR(100) NOT NULL,
    "action" "AuditAction" NOT NULL,
    "entity" VARCHAR(60) NOT NULL,
    "entityId" INTEGER NOT NULL,
    "changes" JSONB,
    "note" TEXT,
    "requestId" VARCHAR(100) NOT NULL,
    "clientAddress" VARCHAR(100),

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only, like the timeline.
CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- A submitted task says when it was submitted; a returned or cancelled one says why.
ALTER TABLE "Task" ADD CONSTRAINT "Task_submitted_at"
  CHECK ("status" <> 'SUBMITTED' OR "submittedAt" IS NOT NULL);
ALTER TABLE "Task" ADD CONSTRAINT "Task_status_reason"
  CHECK ("status" NOT IN ('RETURNED', 'CANCELLED') OR ("statusReason" IS NOT NULL AND length(trim("statusReason")) > 0));

ALTER TABLE "LoginThrottle" ADD CONSTRAINT "LoginThrottle_failures" CHECK ("failures" >= 0);
