-- AlterTable
ALTER TABLE "Casus" ADD COLUMN "sleutel" TEXT;

-- CreateTable
CREATE TABLE "CasusOvergang" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "casusId" TEXT NOT NULL,
    "volgnummer" INTEGER NOT NULL,
    "van" TEXT NOT NULL,
    "naar" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "op" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CasusDeelname" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "casusId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "rol" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "op" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Interventie" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "casusId" TEXT NOT NULL,
    "eigenaarPartnerId" TEXT NOT NULL,
    "leefgebied" TEXT NOT NULL,
    "titel" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'gepland',
    "aangemaaktOp" DATETIME NOT NULL,
    "laatsteVoortgangOp" DATETIME
);

-- CreateTable
CREATE TABLE "Voortgang" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interventieId" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "toelichting" TEXT NOT NULL,
    "op" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CasusSignaal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "casusId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "onderwerp" TEXT NOT NULL,
    "opgeworpenOp" DATETIME NOT NULL,
    "geescaleerdOp" DATETIME,
    "opgelostOp" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "CasusOvergang_casusId_volgnummer_key" ON "CasusOvergang"("casusId", "volgnummer");

-- CreateIndex
CREATE INDEX "CasusDeelname_casusId_idx" ON "CasusDeelname"("casusId");

-- CreateIndex
CREATE INDEX "Interventie_casusId_idx" ON "Interventie"("casusId");

-- CreateIndex
CREATE INDEX "Interventie_status_deadline_idx" ON "Interventie"("status", "deadline");

-- CreateIndex
CREATE INDEX "Voortgang_interventieId_idx" ON "Voortgang"("interventieId");

-- CreateIndex
CREATE INDEX "CasusSignaal_casusId_idx" ON "CasusSignaal"("casusId");

-- CreateIndex
CREATE UNIQUE INDEX "CasusSignaal_soort_onderwerp_key" ON "CasusSignaal"("soort", "onderwerp");
