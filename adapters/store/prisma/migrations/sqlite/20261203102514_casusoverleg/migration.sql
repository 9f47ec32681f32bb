-- CreateTable
CREATE TABLE "Casusoverleg" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datum" DATETIME NOT NULL,
    "locatie" TEXT,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "door" TEXT NOT NULL,
    "aangemaaktOp" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Agendapunt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "overlegId" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "volgorde" INTEGER NOT NULL,
    "genodigden" TEXT NOT NULL,
    "notulen" TEXT
);

-- CreateTable
CREATE TABLE "Afspraak" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agendapuntId" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "eigenaarPartnerId" TEXT,
    "tekst" TEXT NOT NULL,
    "deadline" DATETIME,
    "op" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Agendapunt_casusId_idx" ON "Agendapunt"("casusId");

-- CreateIndex
CREATE UNIQUE INDEX "Agendapunt_overlegId_casusId_key" ON "Agendapunt"("overlegId", "casusId");

-- CreateIndex
CREATE INDEX "Afspraak_agendapuntId_idx" ON "Afspraak"("agendapuntId");
