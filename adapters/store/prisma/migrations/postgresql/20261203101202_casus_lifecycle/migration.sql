-- AlterTable
ALTER TABLE "Casus" ADD COLUMN     "sleutel" TEXT;

-- CreateTable
CREATE TABLE "CasusOvergang" (
    "id" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "volgnummer" INTEGER NOT NULL,
    "van" TEXT NOT NULL,
    "naar" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "op" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CasusOvergang_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CasusDeelname" (
    "id" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "rol" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "op" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CasusDeelname_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interventie" (
    "id" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "eigenaarPartnerId" TEXT NOT NULL,
    "leefgebied" TEXT NOT NULL,
    "titel" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'gepland',
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,
    "laatsteVoortgangOp" TIMESTAMP(3),

    CONSTRAINT "Interventie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Voortgang" (
    "id" TEXT NOT NULL,
    "interventieId" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "toelichting" TEXT NOT NULL,
    "op" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Voortgang_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CasusSignaal" (
    "id" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "onderwerp" TEXT NOT NULL,
    "opgeworpenOp" TIMESTAMP(3) NOT NULL,
    "geescaleerdOp" TIMESTAMP(3),
    "opgelostOp" TIMESTAMP(3),

    CONSTRAINT "CasusSignaal_pkey" PRIMARY KEY ("id")
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
