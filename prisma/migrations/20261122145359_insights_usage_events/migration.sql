-- CreateEnum
CREATE TYPE "UsageEventKind" AS ENUM ('PAGE', 'FEATURE', 'RAGE_CLICK', 'DEAD_CLICK', 'ERROR', 'KEY');

-- CreateTable
CREATE TABLE "UsageEvent" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" "UsageEventKind" NOT NULL,
    "route" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL DEFAULT '',
    "durationMs" INTEGER,
    "browser" TEXT NOT NULL DEFAULT '',
    "os" TEXT NOT NULL DEFAULT '',
    "deviceType" TEXT NOT NULL DEFAULT '',
    "visitor" TEXT,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageSalt" (
    "day" DATE NOT NULL,
    "salt" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageSalt_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "UsageEvent_kind_day_idx" ON "UsageEvent"("kind", "day");

-- CreateIndex
CREATE INDEX "UsageEvent_day_idx" ON "UsageEvent"("day");

