-- CreateTable
CREATE TABLE "Casusoverleg" (
    "id" TEXT NOT NULL,
    "datum" TIMESTAMP(3) NOT NULL,
    "locatie" TEXT,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "door" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Casusoverleg_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agendapunt" (
    "id" TEXT NOT NULL,
    "overlegId" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "volgorde" INTEGER NOT NULL,
    "genodigden" TEXT NOT NULL,
    "notulen" TEXT,

    CONSTRAINT "Agendapunt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Afspraak" (
    "id" TEXT NOT NULL,
    "agendapuntId" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "eigenaarPartnerId" TEXT,
    "tekst" TEXT NOT NULL,
    "deadline" TIMESTAMP(3),
    "op" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Afspraak_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Agendapunt_casusId_idx" ON "Agendapunt"("casusId");

-- CreateIndex
CREATE UNIQUE INDEX "Agendapunt_overlegId_casusId_key" ON "Agendapunt"("overlegId", "casusId");

-- CreateIndex
CREATE INDEX "Afspraak_agendapuntId_idx" ON "Afspraak"("agendapuntId");
