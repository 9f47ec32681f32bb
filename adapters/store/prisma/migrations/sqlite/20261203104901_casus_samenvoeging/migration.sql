-- AlterTable
ALTER TABLE "Casus" ADD COLUMN "samengevoegdIn" TEXT;

-- CreateTable
CREATE TABLE "CasusSamenvoeging" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "soort" TEXT NOT NULL,
    "vanCasusId" TEXT NOT NULL,
    "naarCasusId" TEXT NOT NULL,
    "betrokkenen" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "op" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CasusSamenvoeging_vanCasusId_idx" ON "CasusSamenvoeging"("vanCasusId");

-- CreateIndex
CREATE INDEX "CasusSamenvoeging_naarCasusId_idx" ON "CasusSamenvoeging"("naarCasusId");
