-- CreateTable
CREATE TABLE "ImportTaak" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "profiel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'wachtend',
    "sleutel" TEXT NOT NULL,
    "inhoud" TEXT,
    "rijen" INTEGER NOT NULL DEFAULT 0,
    "verwerkt" INTEGER NOT NULL DEFAULT 0,
    "aangemaakt" INTEGER NOT NULL DEFAULT 0,
    "bijgewerkt" INTEGER NOT NULL DEFAULT 0,
    "geweigerd" INTEGER NOT NULL DEFAULT 0,
    "rapport" TEXT,
    "fout" TEXT,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,
    "gewijzigdOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportTaak_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportTaak_partnerId_idx" ON "ImportTaak"("partnerId");

-- CreateIndex
CREATE INDEX "ImportTaak_status_idx" ON "ImportTaak"("status");
