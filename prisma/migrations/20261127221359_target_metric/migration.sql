-- CreateEnum
CREATE TYPE "TargetMetric" AS ENUM ('MANUAL', 'PAR_INDEX_PERCENT', 'PAR_INDEX_RANK', 'SATISFACTION_PERCENT');

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "metric" "TargetMetric" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "sector" "ServiceSector";

-- A sector exactly for satisfaction targets; every derived metric names the unit whose results it reads.
ALTER TABLE "Target" ADD CONSTRAINT "Target_sector_check"
  CHECK (("metric" = 'SATISFACTION_PERCENT') = ("sector" IS NOT NULL));
ALTER TABLE "Target" ADD CONSTRAINT "Target_metric_unit_check"
  CHECK ("metric" = 'MANUAL' OR "unitId" IS NOT NULL);
