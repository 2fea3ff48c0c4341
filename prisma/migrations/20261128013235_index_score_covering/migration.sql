-- The index totals (api/services/index-loaders.ts, rankingRows) sum the top-level fields' scores of
-- every result of a framework, reading the scores of each top-level node. With the result and the
-- points in the index, that is an index-only scan rather than one heap fetch per score. Measured on
-- the L data set (825,600 scores; league table of communes, 2025 and 2024 frameworks, 35,200
-- top-level scores) on PostgreSQL: 70 ms -> 26-40 ms.

-- DropIndex
DROP INDEX "IndexScore_nodeId_idx";

-- CreateIndex
CREATE INDEX "IndexScore_nodeId_resultId_points_idx" ON "IndexScore"("nodeId", "resultId", "points");
