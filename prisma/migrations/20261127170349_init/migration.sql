-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GT', 'GTE', 'LT', 'LTE', 'EQ');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('DISTRICT', 'AGENCY', 'COMMUNE', 'TOWNSHIP', 'COMMITTEE');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'COMPLETED', 'RETURNED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "TaskEventType" AS ENUM ('CREATED', 'UPDATED', 'STATUS_CHANGED', 'PROGRESS_REPORTED', 'EVIDENCE_ADDED', 'EVIDENCE_REVIEWED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'COMMENTED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('DOCUMENT', 'LINK', 'FILE');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "IndexLevel" AS ENUM ('DISTRICT', 'AGENCY', 'COMMUNE');

-- CreateEnum
CREATE TYPE "ScoringMethod" AS ENUM ('SELF_ASSESSED', 'SURVEY');

-- CreateEnum
CREATE TYPE "ServiceSector" AS ENUM ('OVERALL', 'HEALTH', 'EDUCATION', 'LAND', 'CONSTRUCTION');

-- CreateEnum
CREATE TYPE "SipasElement" AS ENUM ('OVERALL', 'ACCESS', 'PROCEDURE', 'CIVIL_SERVANT', 'RESULT', 'FEEDBACK');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COMMITTEE', 'UNIT_HEAD', 'ANALYST');

-- CreateTable
CREATE TABLE "Resolution" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(60) NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "issuedBy" VARCHAR(200) NOT NULL,
    "issuedOn" DATE NOT NULL,
    "horizonYear" INTEGER NOT NULL,
    "orientationYear" INTEGER,
    "summary" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Resolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReformArea" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReformArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" SERIAL NOT NULL,
    "resolutionId" INTEGER NOT NULL,
    "reformAreaId" INTEGER NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "objectiveId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "code" VARCHAR(40) NOT NULL,
    "indicator" VARCHAR(500) NOT NULL,
    "measure" VARCHAR(40) NOT NULL,
    "comparator" "Comparator" NOT NULL,
    "baselineValue" DECIMAL(12,2),
    "baselineYear" INTEGER,
    "targetValue" DECIMAL(12,2) NOT NULL,
    "targetYear" INTEGER NOT NULL,
    "source" VARCHAR(500),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetYear" (
    "id" SERIAL NOT NULL,
    "targetId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "plannedValue" DECIMAL(12,2),
    "actualValue" DECIMAL(12,2),
    "note" TEXT,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TargetYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parentId" INTEGER,
    "successorId" INTEGER,
    "establishedOn" DATE,
    "dissolvedOn" DATE,
    "address" VARCHAR(300),
    "phone" VARCHAR(40),
    "email" VARCHAR(200),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "fullName" VARCHAR(200) NOT NULL,
    "email" VARCHAR(200),
    "phone" VARCHAR(40),
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Headship" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "acting" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Headship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" SERIAL NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "description" TEXT,
    "objectiveId" INTEGER NOT NULL,
    "leadUnitId" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "originalDeadline" DATE NOT NULL,
    "completedOn" DATE,
    "status" "TaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "priority" "TaskPriority" NOT NULL DEFAULT 'NORMAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskEvent" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "type" "TaskEventType" NOT NULL,
    "actorId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fromStatus" "TaskStatus",
    "toStatus" "TaskStatus",
    "changes" JSONB,
    "note" TEXT,

    CONSTRAINT "TaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "requestedById" INTEGER,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "previousDeadline" DATE NOT NULL,
    "requestedDeadline" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,

    CONSTRAINT "DeadlineExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "documentNumber" VARCHAR(100),
    "documentDate" DATE,
    "issuer" VARCHAR(200),
    "url" VARCHAR(2000),
    "fileSha256" CHAR(64),
    "fileSize" INTEGER,
    "mimeType" VARCHAR(100),
    "fileName" VARCHAR(255),
    "submittedById" INTEGER,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexFramework" (
    "id" SERIAL NOT NULL,
    "level" "IndexLevel" NOT NULL,
    "year" INTEGER NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "source" VARCHAR(500),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexNode" (
    "id" SERIAL NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(500) NOT NULL,
    "maxPoints" DECIMAL(6,2) NOT NULL,
    "method" "ScoringMethod" NOT NULL DEFAULT 'SELF_ASSESSED',
    "reformAreaId" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IndexNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexResult" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "publishedPercent" DECIMAL(5,2),
    "publishedRank" INTEGER,
    "publishedOf" INTEGER,
    "publishedOn" DATE,
    "source" VARCHAR(500),
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexScore" (
    "id" SERIAL NOT NULL,
    "resultId" INTEGER NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "points" DECIMAL(6,2) NOT NULL,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "IndexScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SatisfactionResult" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "sector" "ServiceSector" NOT NULL,
    "element" "SipasElement" NOT NULL DEFAULT 'OVERALL',
    "satisfactionPercent" DECIMAL(5,2) NOT NULL,
    "perceptionPercent" DECIMAL(5,2),
    "expectationPercent" DECIMAL(5,2),
    "respondents" INTEGER,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SatisfactionResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImprovementPlan" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "targetPercent" DECIMAL(5,2) NOT NULL,
    "analysis" TEXT,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "approvedById" INTEGER,
    "approvedAt" TIMESTAMP(3),
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImprovementPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImprovementPlanTarget" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "targetPoints" DECIMAL(6,2) NOT NULL,

    CONSTRAINT "ImprovementPlanTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImprovementAction" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "nodeId" INTEGER,
    "title" VARCHAR(500) NOT NULL,
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ImprovementAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(60) NOT NULL,
    "displayName" VARCHAR(200) NOT NULL,
    "passwordHash" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" INTEGER,
    "personId" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" CHAR(64) NOT NULL,
    "accountId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_TaskSupportingUnits" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_TaskSupportingUnits_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ImprovementActionToTask" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ImprovementActionToTask_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Resolution_code_key" ON "Resolution"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ReformArea_code_key" ON "ReformArea"("code");

-- CreateIndex
CREATE INDEX "Objective_reformAreaId_idx" ON "Objective"("reformAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "Objective_resolutionId_code_key" ON "Objective"("resolutionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Target_code_key" ON "Target"("code");

-- CreateIndex
CREATE INDEX "Target_objectiveId_idx" ON "Target"("objectiveId");

-- CreateIndex
CREATE INDEX "Target_unitId_idx" ON "Target"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "TargetYear_targetId_year_key" ON "TargetYear"("targetId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_successorId_idx" ON "Unit"("successorId");

-- CreateIndex
CREATE INDEX "Unit_kind_idx" ON "Unit"("kind");

-- CreateIndex
CREATE INDEX "Headship_unitId_startDate_idx" ON "Headship"("unitId", "startDate");

-- CreateIndex
CREATE INDEX "Headship_personId_idx" ON "Headship"("personId");

-- CreateIndex
CREATE INDEX "Task_leadUnitId_status_idx" ON "Task"("leadUnitId", "status");

-- CreateIndex
CREATE INDEX "Task_objectiveId_idx" ON "Task"("objectiveId");

-- CreateIndex
CREATE INDEX "Task_status_deadline_idx" ON "Task"("status", "deadline");

-- CreateIndex
CREATE INDEX "Task_deadline_idx" ON "Task"("deadline");

-- CreateIndex
CREATE INDEX "TaskEvent_taskId_at_idx" ON "TaskEvent"("taskId", "at");

-- CreateIndex
CREATE INDEX "TaskEvent_actorId_idx" ON "TaskEvent"("actorId");

-- CreateIndex
CREATE INDEX "DeadlineExtension_taskId_idx" ON "DeadlineExtension"("taskId");

-- CreateIndex
CREATE INDEX "DeadlineExtension_status_idx" ON "DeadlineExtension"("status");

-- CreateIndex
CREATE INDEX "Evidence_taskId_idx" ON "Evidence"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "IndexFramework_level_year_key" ON "IndexFramework"("level", "year");

-- CreateIndex
CREATE INDEX "IndexNode_parentId_idx" ON "IndexNode"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "IndexNode_frameworkId_code_key" ON "IndexNode"("frameworkId", "code");

-- CreateIndex
CREATE INDEX "IndexResult_frameworkId_idx" ON "IndexResult"("frameworkId");

-- CreateIndex
CREATE UNIQUE INDEX "IndexResult_unitId_frameworkId_key" ON "IndexResult"("unitId", "frameworkId");

-- CreateIndex
CREATE INDEX "IndexScore_nodeId_idx" ON "IndexScore"("nodeId");

-- CreateIndex
CREATE UNIQUE INDEX "IndexScore_resultId_nodeId_key" ON "IndexScore"("resultId", "nodeId");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionResult_unitId_year_sector_element_key" ON "SatisfactionResult"("unitId", "year", "sector", "element");

-- CreateIndex
CREATE UNIQUE INDEX "ImprovementPlan_unitId_year_key" ON "ImprovementPlan"("unitId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ImprovementPlanTarget_planId_nodeId_key" ON "ImprovementPlanTarget"("planId", "nodeId");

-- CreateIndex
CREATE INDEX "ImprovementAction_planId_idx" ON "ImprovementAction"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_username_key" ON "Account"("username");

-- CreateIndex
CREATE INDEX "Account_unitId_idx" ON "Account"("unitId");

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- CreateIndex
CREATE INDEX "_TaskSupportingUnits_B_index" ON "_TaskSupportingUnits"("B");

-- CreateIndex
CREATE INDEX "_ImprovementActionToTask_B_index" ON "_ImprovementActionToTask"("B");

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_reformAreaId_fkey" FOREIGN KEY ("reformAreaId") REFERENCES "ReformArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetYear" ADD CONSTRAINT "TargetYear_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Headship" ADD CONSTRAINT "Headship_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Headship" ADD CONSTRAINT "Headship_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_leadUnitId_fkey" FOREIGN KEY ("leadUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEvent" ADD CONSTRAINT "TaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEvent" ADD CONSTRAINT "TaskEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexNode" ADD CONSTRAINT "IndexNode_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexNode" ADD CONSTRAINT "IndexNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "IndexNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexNode" ADD CONSTRAINT "IndexNode_reformAreaId_fkey" FOREIGN KEY ("reformAreaId") REFERENCES "ReformArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexResult" ADD CONSTRAINT "IndexResult_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexResult" ADD CONSTRAINT "IndexResult_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexScore" ADD CONSTRAINT "IndexScore_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "IndexResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexScore" ADD CONSTRAINT "IndexScore_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "IndexNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SatisfactionResult" ADD CONSTRAINT "SatisfactionResult_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementPlan" ADD CONSTRAINT "ImprovementPlan_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementPlan" ADD CONSTRAINT "ImprovementPlan_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementPlanTarget" ADD CONSTRAINT "ImprovementPlanTarget_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ImprovementPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementPlanTarget" ADD CONSTRAINT "ImprovementPlanTarget_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "IndexNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementAction" ADD CONSTRAINT "ImprovementAction_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ImprovementPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementAction" ADD CONSTRAINT "ImprovementAction_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "IndexNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TaskSupportingUnits" ADD CONSTRAINT "_TaskSupportingUnits_A_fkey" FOREIGN KEY ("A") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TaskSupportingUnits" ADD CONSTRAINT "_TaskSupportingUnits_B_fkey" FOREIGN KEY ("B") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ImprovementActionToTask" ADD CONSTRAINT "_ImprovementActionToTask_A_fkey" FOREIGN KEY ("A") REFERENCES "ImprovementAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ImprovementActionToTask" ADD CONSTRAINT "_ImprovementActionToTask_B_fkey" FOREIGN KEY ("B") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
