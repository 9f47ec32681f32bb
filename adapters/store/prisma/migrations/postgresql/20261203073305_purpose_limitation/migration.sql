-- AlterTable
ALTER TABLE "Casus" ADD COLUMN     "redenCategorieen" TEXT;

-- AlterTable
ALTER TABLE "InformatieItem" ADD COLUMN     "toestemming" TEXT,
ADD COLUMN     "velden" TEXT;

-- CreateTable
CREATE TABLE "TriageBesluit" (
    "id" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "versie" INTEGER NOT NULL,
    "uitkomst" TEXT NOT NULL,
    "motivering" TEXT NOT NULL,
    "motiveringCategorieen" TEXT NOT NULL DEFAULT '[]',
    "door" TEXT NOT NULL,
    "op" TIMESTAMP(3) NOT NULL,
    "vervangt" TEXT,

    CONSTRAINT "TriageBesluit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TriageBesluit_casusId_versie_key" ON "TriageBesluit"("casusId", "versie");
