-- AlterTable
ALTER TABLE "Rechtenverzoek" DROP COLUMN "afgehandeldOp",
DROP COLUMN "betrokkeneId",
DROP COLUMN "motivering",
DROP COLUMN "ontvangenOp",
DROP COLUMN "regime",
ADD COLUMN     "afgeslotenOp" TIMESTAMP(3),
ADD COLUMN     "behandelaar" TEXT,
ADD COLUMN     "bepalendRegime" TEXT NOT NULL,
ADD COLUMN     "bronPartners" TEXT NOT NULL,
ADD COLUMN     "bsnPseudoniem" TEXT NOT NULL,
ADD COLUMN     "dataSleutel" TEXT NOT NULL,
ADD COLUMN     "geregistreerdDoorActor" TEXT NOT NULL,
ADD COLUMN     "geregistreerdDoorPartner" TEXT NOT NULL,
ADD COLUMN     "geregistreerdOp" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "identiteitDoor" TEXT NOT NULL,
ADD COLUMN     "identiteitMethode" TEXT NOT NULL,
ADD COLUMN     "identiteitOp" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "ontvangstdatum" TEXT NOT NULL,
ADD COLUMN     "rectificatieVersleuteld" TEXT,
ADD COLUMN     "regimes" TEXT NOT NULL,
ADD COLUMN     "toelichtingVersleuteld" TEXT,
ADD COLUMN     "uitkomstCode" TEXT,
ADD COLUMN     "uitkomstVersleuteld" TEXT,
ADD COLUMN     "verlengingMaanden" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "uiterlijkOp" SET DATA TYPE TEXT;

-- CreateTable
CREATE TABLE "RechtenverzoekGebeurtenis" (
    "id" TEXT NOT NULL,
    "verzoekId" TEXT NOT NULL,
    "volgnummer" INTEGER NOT NULL,
    "soort" TEXT NOT NULL,
    "vanStatus" TEXT,
    "naarStatus" TEXT,
    "doorPartner" TEXT NOT NULL,
    "doorActor" TEXT NOT NULL,
    "op" TIMESTAMP(3) NOT NULL,
    "redenVersleuteld" TEXT,

    CONSTRAINT "RechtenverzoekGebeurtenis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Weglating" (
    "id" TEXT NOT NULL,
    "verzoekId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "grond" TEXT NOT NULL,
    "vermelden" BOOLEAN NOT NULL,
    "toelichtingVersleuteld" TEXT,
    "door" TEXT NOT NULL,
    "op" TIMESTAMP(3) NOT NULL,
    "ingetrokkenOp" TIMESTAMP(3),

    CONSTRAINT "Weglating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RechtenverzoekGebeurtenis_verzoekId_volgnummer_key" ON "RechtenverzoekGebeurtenis"("verzoekId", "volgnummer");

-- CreateIndex
CREATE INDEX "Weglating_verzoekId_idx" ON "Weglating"("verzoekId");

-- CreateIndex
CREATE INDEX "Rechtenverzoek_bsnPseudoniem_idx" ON "Rechtenverzoek"("bsnPseudoniem");

-- AddForeignKey
ALTER TABLE "RechtenverzoekGebeurtenis" ADD CONSTRAINT "RechtenverzoekGebeurtenis_verzoekId_fkey" FOREIGN KEY ("verzoekId") REFERENCES "Rechtenverzoek"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Weglating" ADD CONSTRAINT "Weglating_verzoekId_fkey" FOREIGN KEY ("verzoekId") REFERENCES "Rechtenverzoek"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
