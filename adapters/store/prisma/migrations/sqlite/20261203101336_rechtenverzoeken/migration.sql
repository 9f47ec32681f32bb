-- CreateTable
CREATE TABLE "RechtenverzoekGebeurtenis" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "verzoekId" TEXT NOT NULL,
    "volgnummer" INTEGER NOT NULL,
    "soort" TEXT NOT NULL,
    "vanStatus" TEXT,
    "naarStatus" TEXT,
    "doorPartner" TEXT NOT NULL,
    "doorActor" TEXT NOT NULL,
    "op" DATETIME NOT NULL,
    "redenVersleuteld" TEXT,
    CONSTRAINT "RechtenverzoekGebeurtenis_verzoekId_fkey" FOREIGN KEY ("verzoekId") REFERENCES "Rechtenverzoek" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Weglating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "verzoekId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "grond" TEXT NOT NULL,
    "vermelden" BOOLEAN NOT NULL,
    "toelichtingVersleuteld" TEXT,
    "door" TEXT NOT NULL,
    "op" DATETIME NOT NULL,
    "ingetrokkenOp" DATETIME,
    CONSTRAINT "Weglating_verzoekId_fkey" FOREIGN KEY ("verzoekId") REFERENCES "Rechtenverzoek" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Rechtenverzoek" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "soort" TEXT NOT NULL,
    "bsnPseudoniem" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ontvangen',
    "geregistreerdOp" DATETIME NOT NULL,
    "ontvangstdatum" TEXT NOT NULL,
    "uiterlijkOp" TEXT NOT NULL,
    "bepalendRegime" TEXT NOT NULL,
    "regimes" TEXT NOT NULL,
    "bronPartners" TEXT NOT NULL,
    "verlengingMaanden" INTEGER NOT NULL DEFAULT 0,
    "geregistreerdDoorPartner" TEXT NOT NULL,
    "geregistreerdDoorActor" TEXT NOT NULL,
    "identiteitMethode" TEXT NOT NULL,
    "identiteitDoor" TEXT NOT NULL,
    "identiteitOp" DATETIME NOT NULL,
    "behandelaar" TEXT,
    "dataSleutel" TEXT NOT NULL,
    "toelichtingVersleuteld" TEXT,
    "rectificatieVersleuteld" TEXT,
    "uitkomstCode" TEXT,
    "uitkomstVersleuteld" TEXT,
    "afgeslotenOp" DATETIME
);
INSERT INTO "new_Rechtenverzoek" ("id", "soort", "status", "uiterlijkOp") SELECT "id", "soort", "status", "uiterlijkOp" FROM "Rechtenverzoek";
DROP TABLE "Rechtenverzoek";
ALTER TABLE "new_Rechtenverzoek" RENAME TO "Rechtenverzoek";
CREATE INDEX "Rechtenverzoek_status_uiterlijkOp_idx" ON "Rechtenverzoek"("status", "uiterlijkOp");
CREATE INDEX "Rechtenverzoek_bsnPseudoniem_idx" ON "Rechtenverzoek"("bsnPseudoniem");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RechtenverzoekGebeurtenis_verzoekId_volgnummer_key" ON "RechtenverzoekGebeurtenis"("verzoekId", "volgnummer");

-- CreateIndex
CREATE INDEX "Weglating_verzoekId_idx" ON "Weglating"("verzoekId");
