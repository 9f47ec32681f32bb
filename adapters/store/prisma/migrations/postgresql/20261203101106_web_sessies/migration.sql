-- AlterTable
ALTER TABLE "Medewerker" ADD COLUMN     "oidcSubject" TEXT;

-- CreateTable
CREATE TABLE "Sessie" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "medewerkerId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,
    "laatstGebruiktOp" TIMESTAMP(3) NOT NULL,
    "beeindigdOp" TIMESTAMP(3),

    CONSTRAINT "Sessie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Passkey" (
    "id" TEXT NOT NULL,
    "medewerkerId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "teller" INTEGER NOT NULL DEFAULT 0,
    "transports" TEXT NOT NULL DEFAULT '',
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Uitnodiging" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "medewerkerId" TEXT NOT NULL,
    "verlooptOp" TIMESTAMP(3) NOT NULL,
    "gebruiktOp" TIMESTAMP(3),
    "aangemaaktOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Uitnodiging_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebChallenge" (
    "id" TEXT NOT NULL,
    "doel" TEXT NOT NULL,
    "waarde" TEXT NOT NULL,
    "gegevens" TEXT NOT NULL DEFAULT '',
    "verlooptOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Sessie_tokenHash_key" ON "Sessie"("tokenHash");

-- CreateIndex
CREATE INDEX "Sessie_medewerkerId_idx" ON "Sessie"("medewerkerId");

-- CreateIndex
CREATE INDEX "Passkey_medewerkerId_idx" ON "Passkey"("medewerkerId");

-- CreateIndex
CREATE UNIQUE INDEX "Uitnodiging_tokenHash_key" ON "Uitnodiging"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Medewerker_oidcSubject_key" ON "Medewerker"("oidcSubject");

-- AddForeignKey
ALTER TABLE "Sessie" ADD CONSTRAINT "Sessie_medewerkerId_fkey" FOREIGN KEY ("medewerkerId") REFERENCES "Medewerker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passkey" ADD CONSTRAINT "Passkey_medewerkerId_fkey" FOREIGN KEY ("medewerkerId") REFERENCES "Medewerker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
