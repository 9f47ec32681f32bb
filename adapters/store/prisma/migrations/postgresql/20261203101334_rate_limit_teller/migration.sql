-- CreateTable
CREATE TABLE "RateLimitTeller" (
    "sleutel" TEXT NOT NULL,
    "treffers" INTEGER NOT NULL,
    "eindeVenster" BIGINT NOT NULL,

    CONSTRAINT "RateLimitTeller_pkey" PRIMARY KEY ("sleutel")
);

-- CreateIndex
CREATE INDEX "RateLimitTeller_eindeVenster_idx" ON "RateLimitTeller"("eindeVenster");
