-- AlterTable
ALTER TABLE "InformatieItem" ADD COLUMN "gewistOp" DATETIME;

-- CreateTable
CREATE TABLE "Beperking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "verzoekId" TEXT NOT NULL,
    "betrokkeneId" TEXT NOT NULL,
    "itemId" TEXT,
    "soort" TEXT NOT NULL,
    "doelen" TEXT,
    "door" TEXT NOT NULL,
    "sinds" DATETIME NOT NULL,
    "opgehevenOp" DATETIME,
    "opgehevenDoor" TEXT,
    "opheffingsgrond" TEXT
);

-- CreateTable
CREATE TABLE "Rectificatie" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "verzoekId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "bronPartnerId" TEXT NOT NULL,
    "gewenstVersleuteld" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "motivering" TEXT,
    "vorigeVersleuteld" TEXT,
    "door" TEXT NOT NULL,
    "aangemaaktOp" DATETIME NOT NULL,
    "afgehandeldOp" DATETIME
);

-- CreateTable
CREATE TABLE "Kennisgeving" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "verzoekId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "itemIds" TEXT NOT NULL,
    "jws" TEXT NOT NULL,
    "aangemaaktOp" DATETIME NOT NULL,
    "ontvangenOp" DATETIME
);

-- CreateIndex
CREATE INDEX "Beperking_betrokkeneId_opgehevenOp_idx" ON "Beperking"("betrokkeneId", "opgehevenOp");

-- CreateIndex
CREATE INDEX "Beperking_itemId_idx" ON "Beperking"("itemId");

-- CreateIndex
CREATE INDEX "Rectificatie_bronPartnerId_status_idx" ON "Rectificatie"("bronPartnerId", "status");

-- CreateIndex
CREATE INDEX "Kennisgeving_partnerId_aangemaaktOp_idx" ON "Kennisgeving"("partnerId", "aangemaaktOp");
