-- AlterTable
ALTER TABLE "KoppelVoorstel" ADD COLUMN     "overeenkomsten" TEXT,
ADD COLUMN     "score" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "BlokkeerSleutel" (
    "sleutel" TEXT NOT NULL,
    "betrokkeneId" TEXT NOT NULL,

    CONSTRAINT "BlokkeerSleutel_pkey" PRIMARY KEY ("sleutel","betrokkeneId")
);

-- CreateIndex
CREATE INDEX "BlokkeerSleutel_betrokkeneId_idx" ON "BlokkeerSleutel"("betrokkeneId");

-- AddForeignKey
ALTER TABLE "BlokkeerSleutel" ADD CONSTRAINT "BlokkeerSleutel_betrokkeneId_fkey" FOREIGN KEY ("betrokkeneId") REFERENCES "Betrokkene"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
