-- AlterTable
ALTER TABLE "InformatieItem" ADD COLUMN     "gewistOp" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Beperking" (
    "id" TEXT NOT NULL,
    "verzoekId" TEXT NOT NULL,
    "betrokkeneId" TEXT NOT NULL,
    "itemId" TEXT,
    "soort" TEXT NOT NULL,
    "doelen" TEXT,
    "door" TEXT NOT NULL,
    "sinds" TIMESTAMP(3) NOT NULL,
    "opgehevenOp" TIMESTAMP(3),
    "opgehevenDoor" TEXT,
    "opheffingsgrond" TEXT,

    CONSTRAINT "Beperking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rectificatie" (
    "id" TEXT NOT NULL,
    "verzoekId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "bronPartnerId" TEXT NOT NULL,
    "gewenstVersleuteld" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "motivering" TEXT,
    "vorigeVersleuteld" TEXT,
    "door" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,
    "afgehandeldOp" TIMESTAMP(3),

    CONSTRAINT "Rectificatie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kennisgeving" (
    "id" TEXT NOT NULL,
    "verzoekId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "itemIds" TEXT NOT NULL,
    "jws" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,
    "ontvangenOp" TIMESTAMP(3),

    CONSTRAINT "Kennisgeving_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Beperking_betrokkeneId_opgehevenOp_idx" ON "Beperking"("betrokkeneId", "opgehevenOp");

-- CreateIndex
CREATE INDEX "Beperking_itemId_idx" ON "Beperking"("itemId");

-- CreateIndex
CREATE INDEX "Rectificatie_bronPartnerId_status_idx" ON "Rectificatie"("bronPartnerId", "status");

-- CreateIndex
CREATE INDEX "Kennisgeving_partnerId_aangemaaktOp_idx" ON "Kennisgeving"("partnerId", "aangemaaktOp");
