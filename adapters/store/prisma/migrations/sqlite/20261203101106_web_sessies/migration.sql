-- AlterTable
ALTER TABLE "Medewerker" ADD COLUMN "oidcSubject" TEXT;

-- CreateTable
CREATE TABLE "Sessie" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "medewerkerId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "aangemaaktOp" DATETIME NOT NULL,
    "laatstGebruiktOp" DATETIME NOT NULL,
    "beeindigdOp" DATETIME,
    CONSTRAINT "Sessie_medewerkerId_fkey" FOREIGN KEY ("medewerkerId") REFERENCES "Medewerker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Passkey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "medewerkerId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "teller" INTEGER NOT NULL DEFAULT 0,
    "transports" TEXT NOT NULL DEFAULT '',
    "aangemaaktOp" DATETIME NOT NULL,
    CONSTRAINT "Passkey_medewerkerId_fkey" FOREIGN KEY ("medewerkerId") REFERENCES "Medewerker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Uitnodiging" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "medewerkerId" TEXT NOT NULL,
    "verlooptOp" DATETIME NOT NULL,
    "gebruiktOp" DATETIME,
    "aangemaaktOp" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "doel" TEXT NOT NULL,
    "waarde" TEXT NOT NULL,
    "gegevens" TEXT NOT NULL DEFAULT '',
    "verlooptOp" DATETIME NOT NULL
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
