-- CreateTable
CREATE TABLE "WebhookAbonnement" (
    "partnerId" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "soorten" TEXT NOT NULL,
    "gewijzigdOp" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Uitgaand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "casusId" TEXT,
    "data" TEXT NOT NULL,
    "aangemaaktOp" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'wachtend',
    "pogingen" INTEGER NOT NULL DEFAULT 0,
    "volgendePoging" DATETIME NOT NULL,
    "laatsteFout" TEXT,
    "afgeleverdOp" DATETIME
);

-- CreateIndex
CREATE INDEX "Uitgaand_status_volgendePoging_idx" ON "Uitgaand"("status", "volgendePoging");

-- CreateIndex
CREATE INDEX "Uitgaand_partnerId_idx" ON "Uitgaand"("partnerId");
