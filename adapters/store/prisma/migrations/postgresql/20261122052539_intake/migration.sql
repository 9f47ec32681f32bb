-- AlterTable
ALTER TABLE "Betrokkene" ADD COLUMN     "samengevoegdIn" TEXT;

-- AlterTable
ALTER TABLE "Casus" ADD COLUMN     "signalen" TEXT NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "KoppelVoorstel_status_idx" ON "KoppelVoorstel"("status");
