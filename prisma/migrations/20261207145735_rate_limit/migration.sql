-- CreateTable (unlogged: rate-limit counts need no crash safety, and no request should wait for the
-- write-ahead log to reach the disk for them)
CREATE UNLOGGED TABLE "RateLimit" (
    "key" VARCHAR(200) NOT NULL,
    "window" INTEGER NOT NULL,
    "requests" INTEGER NOT NULL,
    "cost" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
