-- AlterTable
ALTER TABLE "Casus" ADD COLUMN "redenCategorieen" TEXT;

-- AlterTable
ALTER TABLE "InformatieItem" ADD COLUMN "toestemming" TEXT;
ALTER TABLE "InformatieItem" ADD COLUMN "velden" TEXT;

-- CreateTable
CREATE TABLE "TriageBesluit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "casusId" TEXT NOT NULL,
    "versie" INTEGER NOT NULL,
    "uitkomst" TEXT NOT NULL,
    "motivering" TEXT NOT NULL,
    "motiveringCategorieen" TEXT NOT NULL DEFAULT '[]',
    "door" TEXT NOT NULL,
    "op" DATETIME NOT NULL,
    "vervangt" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "TriageBesluit_casusId_versie_key" ON "TriageBesluit"("casusId", "versie");
