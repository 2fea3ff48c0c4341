-- Hand-written: rules that schema.prisma cannot express, enforced by the database itself so that
-- no caller, however buggy, can store data that breaks them. Prisma's diff ignores checks and
-- triggers, so they live only here.

-- Resolutions and targets
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_years_check"
  CHECK ("horizonYear" BETWEEN 2000 AND 2100
     AND ("orientationYear" IS NULL OR "orientationYear" >= "horizonYear"));
ALTER TABLE "Target" ADD CONSTRAINT "Target_years_check"
  CHECK ("targetYear" BETWEEN 2000 AND 2100
     AND ("baselineYear" IS NULL OR "baselineYear" <= "targetYear")
     AND (("baselineValue" IS NULL) = ("baselineYear" IS NULL)));
ALTER TABLE "TargetYear" ADD CONSTRAINT "TargetYear_year_check" CHECK ("year" BETWEEN 2000 AND 2100);

-- Units and heads
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_not_own_parent_check" CHECK ("parentId" IS NULL OR "parentId" <> "id");
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_not_own_successor_check" CHECK ("successorId" IS NULL OR "successorId" <> "id");
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_dates_check"
  CHECK ("dissolvedOn" IS NULL OR "establishedOn" IS NULL OR "dissolvedOn" >= "establishedOn");
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_code_check" CHECK ("code" ~ '^[A-Z0-9][A-Z0-9_-]*$');
ALTER TABLE "Headship" ADD CONSTRAINT "Headship_dates_check" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");

-- A unit has one head at a time: terms of the same unit may not overlap.
CREATE FUNCTION "headship_no_overlap"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "Headship" h
    WHERE h."unitId" = NEW."unitId" AND h."id" <> NEW."id"
      AND h."startDate" <= COALESCE(NEW."endDate", 'infinity'::date)
      AND NEW."startDate" <= COALESCE(h."endDate", 'infinity'::date)
  ) THEN
    RAISE EXCEPTION 'Headship of unit % overlaps another term', NEW."unitId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Headship_no_overlap';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Headship_no_overlap" BEFORE INSERT OR UPDATE ON "Headship"
  FOR EACH ROW EXECUTE FUNCTION "headship_no_overlap"();

-- Tasks
ALTER TABLE "Task" ADD CONSTRAINT "Task_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Task" ADD CONSTRAINT "Task_version_check" CHECK ("version" >= 1);
ALTER TABLE "Task" ADD CONSTRAINT "Task_dates_check"
  CHECK ("deadline" >= "startDate" AND "originalDeadline" >= "startDate"
     AND ("completedOn" IS NULL OR "completedOn" >= "startDate"));
ALTER TABLE "Task" ADD CONSTRAINT "Task_completion_check"
  CHECK ((("status" = 'COMPLETED') = ("completedOn" IS NOT NULL))
     AND ("status" <> 'COMPLETED' OR "progress" = 100));
ALTER TABLE "Task" ADD CONSTRAINT "Task_title_check" CHECK (length(btrim("title")) > 0);

CREATE FUNCTION "task_supporting_unit_not_lead"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Task" t WHERE t."id" = NEW."A" AND t."leadUnitId" = NEW."B") THEN
    RAISE EXCEPTION 'Unit % leads task % and cannot also support it', NEW."B", NEW."A"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Task_supporting_not_lead';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "TaskSupportingUnits_not_lead" BEFORE INSERT OR UPDATE ON "_TaskSupportingUnits"
  FOR EACH ROW EXECUTE FUNCTION "task_supporting_unit_not_lead"();

-- The timeline is append-only.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "TaskEvent_append_only" BEFORE UPDATE OR DELETE ON "TaskEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- Extensions
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_date_check"
  CHECK ("requestedDeadline" > "previousDeadline");
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_decision_check"
  CHECK (("status" IN ('PENDING', 'WITHDRAWN')) = ("decidedAt" IS NULL));
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_reason_check" CHECK (length(btrim("reason")) > 0);
CREATE UNIQUE INDEX "DeadlineExtension_one_pending" ON "DeadlineExtension"("taskId") WHERE "status" = 'PENDING';

-- Evidence: each kind carries what identifies it.
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_kind_fields_check" CHECK (
  CASE "kind"
    WHEN 'DOCUMENT' THEN "documentNumber" IS NOT NULL AND "issuer" IS NOT NULL AND "documentDate" IS NOT NULL
    WHEN 'LINK' THEN "url" IS NOT NULL
    WHEN 'FILE' THEN "fileSha256" IS NOT NULL AND "fileSize" IS NOT NULL AND "mimeType" IS NOT NULL
  END);
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_url_check" CHECK ("url" IS NULL OR "url" ~* '^https?://');
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_file_check"
  CHECK (("fileSha256" IS NULL OR "fileSha256" ~ '^[0-9a-f]{64}$') AND ("fileSize" IS NULL OR "fileSize" > 0));
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_review_check"
  CHECK (("reviewStatus" = 'PENDING') = ("reviewedAt" IS NULL));

-- PAR index
ALTER TABLE "IndexFramework" ADD CONSTRAINT "IndexFramework_year_check" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "IndexNode" ADD CONSTRAINT "IndexNode_points_check" CHECK ("maxPoints" > 0);
ALTER TABLE "IndexNode" ADD CONSTRAINT "IndexNode_code_check" CHECK ("code" ~ '^[0-9]+(\.[0-9]+)*$');
ALTER TABLE "IndexResult" ADD CONSTRAINT "IndexResult_published_check"
  CHECK (("publishedPercent" IS NULL OR "publishedPercent" BETWEEN 0 AND 100)
     AND ("publishedRank" IS NULL OR "publishedRank" >= 1)
     AND ("publishedOf" IS NULL OR "publishedOf" >= 1)
     AND ("publishedRank" IS NULL OR "publishedOf" IS NULL OR "publishedRank" <= "publishedOf"));
ALTER TABLE "IndexScore" ADD CONSTRAINT "IndexScore_points_check" CHECK ("points" >= 0);
ALTER TABLE "SatisfactionResult" ADD CONSTRAINT "SatisfactionResult_values_check"
  CHECK ("year" BETWEEN 2000 AND 2100
     AND "satisfactionPercent" BETWEEN 0 AND 100
     AND ("perceptionPercent" IS NULL OR "perceptionPercent" BETWEEN 0 AND 100)
     AND ("expectationPercent" IS NULL OR "expectationPercent" BETWEEN 0 AND 100)
     AND ("respondents" IS NULL OR "respondents" >= 0));

-- A node's parent belongs to the same framework.
CREATE FUNCTION "index_node_parent_same_framework"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."parentId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "IndexNode" p WHERE p."id" = NEW."parentId" AND p."frameworkId" = NEW."frameworkId"
  ) THEN
    RAISE EXCEPTION 'Index node % and its parent % belong to different frameworks', NEW."code", NEW."parentId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'IndexNode_parent_framework';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "IndexNode_parent_framework" BEFORE INSERT OR UPDATE ON "IndexNode"
  FOR EACH ROW EXECUTE FUNCTION "index_node_parent_same_framework"();

-- A score is for a node of the result's own framework and within the node's maximum.
CREATE FUNCTION "index_score_valid"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  node_max numeric;
BEGIN
  SELECT n."maxPoints" INTO node_max
  FROM "IndexNode" n JOIN "IndexResult" r ON r."frameworkId" = n."frameworkId"
  WHERE n."id" = NEW."nodeId" AND r."id" = NEW."resultId";
  IF node_max IS NULL THEN
    RAISE EXCEPTION 'Index node % is not part of the framework of result %', NEW."nodeId", NEW."resultId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'IndexScore_node_framework';
  END IF;
  IF NEW."points" > node_max THEN
    RAISE EXCEPTION 'Score % exceeds the node''s maximum of % points', NEW."points", node_max
      USING ERRCODE = 'check_violation', CONSTRAINT = 'IndexScore_points_max';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "IndexScore_valid" BEFORE INSERT OR UPDATE ON "IndexScore"
  FOR EACH ROW EXECUTE FUNCTION "index_score_valid"();

-- Improvement plans
ALTER TABLE "ImprovementPlan" ADD CONSTRAINT "ImprovementPlan_values_check"
  CHECK ("year" BETWEEN 2000 AND 2100 AND "targetPercent" BETWEEN 0 AND 100 AND "version" >= 1
     AND (("status" = 'APPROVED') = ("approvedAt" IS NOT NULL)));

CREATE FUNCTION "plan_target_within_max"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  node_max numeric;
BEGIN
  SELECT n."maxPoints" INTO node_max FROM "IndexNode" n WHERE n."id" = NEW."nodeId";
  IF NEW."targetPoints" < 0 OR NEW."targetPoints" > node_max THEN
    RAISE EXCEPTION 'Target of % points is outside 0 to % for this node', NEW."targetPoints", node_max
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ImprovementPlanTarget_points';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ImprovementPlanTarget_points" BEFORE INSERT OR UPDATE ON "ImprovementPlanTarget"
  FOR EACH ROW EXECUTE FUNCTION "plan_target_within_max"();

-- Accounts
ALTER TABLE "Account" ADD CONSTRAINT "Account_unit_head_unit_check" CHECK ("role" <> 'UNIT_HEAD' OR "unitId" IS NOT NULL);
ALTER TABLE "Account" ADD CONSTRAINT "Account_username_check" CHECK ("username" ~ '^[a-z0-9][a-z0-9._-]{2,59}$');
ALTER TABLE "Session" ADD CONSTRAINT "Session_expiry_check" CHECK ("expiresAt" > "createdAt");
