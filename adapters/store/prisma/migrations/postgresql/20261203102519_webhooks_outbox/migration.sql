-- CreateTable
CREATE TABLE "WebhookAbonnement" (
    "partnerId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "soorten" TEXT NOT NULL,
    "gewijzigdOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookAbonnement_pkey" PRIMARY KEY ("partnerId")
);

-- CreateTable
CREATE TABLE "Uitgaand" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "casusId" TEXT,
    "data" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'wachtend',
    "pogingen" INTEGER NOT NULL DEFAULT 0,
    "volgendePoging" TIMESTAMP(3) NOT NULL,
    "laatsteFout" TEXT,
    "afgeleverdOp" TIMESTAMP(3),

    CONSTRAINT "Uitgaand_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Uitgaand_status_volgendePoging_idx" ON "Uitgaand"("status", "volgendePoging");

-- CreateIndex
CREATE INDEX "Uitgaand_partnerId_idx" ON "Uitgaand"("partnerId");
