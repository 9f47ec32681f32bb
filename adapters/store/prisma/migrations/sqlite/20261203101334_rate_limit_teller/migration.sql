-- CreateTable
CREATE TABLE "RateLimitTeller" (
    "sleutel" TEXT NOT NULL PRIMARY KEY,
    "treffers" INTEGER NOT NULL,
    "eindeVenster" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "RateLimitTeller_eindeVenster_idx" ON "RateLimitTeller"("eindeVenster");
