-- AlterTable
ALTER TABLE "KoppelVoorstel" ADD COLUMN "overeenkomsten" TEXT;
ALTER TABLE "KoppelVoorstel" ADD COLUMN "score" REAL;

-- CreateTable
CREATE TABLE "BlokkeerSleutel" (
    "sleutel" TEXT NOT NULL,
    "betrokkeneId" TEXT NOT NULL,

    PRIMARY KEY ("sleutel", "betrokkeneId"),
    CONSTRAINT "BlokkeerSleutel_betrokkeneId_fkey" FOREIGN KEY ("betrokkeneId") REFERENCES "Betrokkene" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BlokkeerSleutel_betrokkeneId_idx" ON "BlokkeerSleutel"("betrokkeneId");
