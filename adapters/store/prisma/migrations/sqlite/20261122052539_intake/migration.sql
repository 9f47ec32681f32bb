-- AlterTable
ALTER TABLE "Betrokkene" ADD COLUMN "samengevoegdIn" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Casus" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "soort" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'aangemeld',
    "fase" TEXT NOT NULL DEFAULT 'aanmelding',
    "codeRood" BOOLEAN NOT NULL DEFAULT false,
    "gemeente" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "leefgebieden" TEXT NOT NULL,
    "aanmelderId" TEXT NOT NULL,
    "triage" TEXT,
    "signalen" TEXT NOT NULL DEFAULT '[]',
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gewijzigdOp" DATETIME NOT NULL,
    "afgeslotenOp" DATETIME
);
INSERT INTO "new_Casus" ("aangemaaktOp", "aanmelderId", "afgeslotenOp", "codeRood", "fase", "gemeente", "gewijzigdOp", "id", "leefgebieden", "reden", "soort", "status", "triage") SELECT "aangemaaktOp", "aanmelderId", "afgeslotenOp", "codeRood", "fase", "gemeente", "gewijzigdOp", "id", "leefgebieden", "reden", "soort", "status", "triage" FROM "Casus";
DROP TABLE "Casus";
ALTER TABLE "new_Casus" RENAME TO "Casus";
CREATE INDEX "Casus_status_idx" ON "Casus"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "KoppelVoorstel_status_idx" ON "KoppelVoorstel"("status");
