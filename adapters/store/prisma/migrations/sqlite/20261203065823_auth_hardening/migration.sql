-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "details" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "naam" TEXT NOT NULL,
    "oin" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "regime" TEXT NOT NULL,
    "contactNaam" TEXT,
    "contactEmail" TEXT,
    "status" TEXT NOT NULL DEFAULT 'actief',
    "assertieZonderCertificaat" BOOLEAN NOT NULL DEFAULT false,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gewijzigdOp" DATETIME NOT NULL
);
INSERT INTO "new_Partner" ("aangemaaktOp", "contactEmail", "contactNaam", "gewijzigdOp", "id", "naam", "oin", "regime", "soort", "status") SELECT "aangemaaktOp", "contactEmail", "contactNaam", "gewijzigdOp", "id", "naam", "oin", "regime", "soort", "status" FROM "Partner";
DROP TABLE "Partner";
ALTER TABLE "new_Partner" RENAME TO "Partner";
CREATE UNIQUE INDEX "Partner_oin_key" ON "Partner"("oin");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
