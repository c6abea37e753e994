-- CreateTable
CREATE TABLE "UsageRollupDay" (
    "day" DATE NOT NULL,
    "users" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "rolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageRollupDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "UsageDailyRollup" (
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "visitors" INTEGER NOT NULL,
    "rageClicks" INTEGER NOT NULL DEFAULT 0,
    "deadClicks" INTEGER NOT NULL DEFAULT 0,
    "durationBuckets" INTEGER[],
    "durationCounts" INTEGER[],

    CONSTRAINT "UsageDailyRollup_pkey" PRIMARY KEY ("dimension","day","key")
);

-- CreateTable
CREATE TABLE "UsageRollupVisitor" (
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "visitor" TEXT NOT NULL,

    CONSTRAINT "UsageRollupVisitor_pkey" PRIMARY KEY ("dimension","day","key","visitor")
);

-- CreateIndex
CREATE INDEX "UsageDailyRollup_day_idx" ON "UsageDailyRollup"("day");

-- CreateIndex
CREATE INDEX "UsageRollupVisitor_day_idx" ON "UsageRollupVisitor"("day");

