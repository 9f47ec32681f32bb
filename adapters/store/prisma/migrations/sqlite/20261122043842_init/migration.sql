-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "naam" TEXT NOT NULL,
    "oin" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "regime" TEXT NOT NULL,
    "contactNaam" TEXT,
    "contactEmail" TEXT,
    "status" TEXT NOT NULL DEFAULT 'actief',
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gewijzigdOp" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PartnerCertificaat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "serienummer" TEXT NOT NULL,
    "geldigVanaf" DATETIME NOT NULL,
    "geldigTot" DATETIME NOT NULL,
    "ingetrokkenOp" DATETIME,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PartnerCertificaat_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartnerSleutel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "jwk" TEXT NOT NULL,
    "ingetrokkenOp" DATETIME,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PartnerSleutel_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GebruikteJti" (
    "jti" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "verlooptOp" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConvenantVersie" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "convenantId" TEXT NOT NULL,
    "versie" TEXT NOT NULL,
    "geldigVanaf" DATETIME NOT NULL,
    "geldigTot" DATETIME,
    "sha256" TEXT NOT NULL,
    "bron" TEXT NOT NULL,
    "geladenOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Betrokkene" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bsnPseudoniem" TEXT,
    "bsnVersleuteld" TEXT,
    "persoonVersleuteld" TEXT NOT NULL,
    "matchSleutel" TEXT,
    "dataSleutel" TEXT,
    "gewistOp" DATETIME,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SysteemRelatie" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vanId" TEXT NOT NULL,
    "naarId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "bronPartnerId" TEXT NOT NULL,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SysteemRelatie_vanId_fkey" FOREIGN KEY ("vanId") REFERENCES "Betrokkene" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SysteemRelatie_naarId_fkey" FOREIGN KEY ("naarId") REFERENCES "Betrokkene" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KoppelVoorstel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "betrokkeneId" TEXT NOT NULL,
    "kandidaatId" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "besluitDoor" TEXT,
    "besluitOp" DATETIME,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Casus" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "soort" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'aangemeld',
    "fase" TEXT NOT NULL DEFAULT 'aanmelding',
    "codeRood" BOOLEAN NOT NULL DEFAULT false,
    "gemeente" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "leefgebieden" TEXT NOT NULL,
    "aanmelderId" TEXT NOT NULL,
    "triage" TEXT,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gewijzigdOp" DATETIME NOT NULL,
    "afgeslotenOp" DATETIME
);

-- CreateTable
CREATE TABLE "CasusDeelnemer" (
    "casusId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "rol" TEXT NOT NULL,
    "sinds" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("casusId", "partnerId"),
    CONSTRAINT "CasusDeelnemer_casusId_fkey" FOREIGN KEY ("casusId") REFERENCES "Casus" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CasusDeelnemer_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CasusBetrokkene" (
    "casusId" TEXT NOT NULL,
    "betrokkeneId" TEXT NOT NULL,
    "rol" TEXT NOT NULL,

    PRIMARY KEY ("casusId", "betrokkeneId"),
    CONSTRAINT "CasusBetrokkene_casusId_fkey" FOREIGN KEY ("casusId") REFERENCES "Casus" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CasusBetrokkene_betrokkeneId_fkey" FOREIGN KEY ("betrokkeneId") REFERENCES "Betrokkene" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InformatieItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "casusId" TEXT NOT NULL,
    "betrokkeneId" TEXT,
    "bronPartnerId" TEXT NOT NULL,
    "categorie" TEXT NOT NULL,
    "leefgebied" TEXT,
    "inhoud" TEXT NOT NULL,
    "versleuteld" BOOLEAN NOT NULL DEFAULT false,
    "grondslag" TEXT NOT NULL,
    "doelVerzameling" TEXT NOT NULL,
    "ontvangenOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InformatieItem_casusId_fkey" FOREIGN KEY ("casusId") REFERENCES "Casus" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InformatieItem_betrokkeneId_fkey" FOREIGN KEY ("betrokkeneId") REFERENCES "Betrokkene" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotentVerzoek" (
    "partnerId" TEXT NOT NULL,
    "sleutel" TEXT NOT NULL,
    "verzoekHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "antwoord" TEXT NOT NULL,
    "locatie" TEXT,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("partnerId", "sleutel")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "logId" TEXT NOT NULL,
    "idx" BIGINT NOT NULL,
    "leafHash" BLOB NOT NULL,
    "body" TEXT NOT NULL,
    "tijd" DATETIME NOT NULL,

    PRIMARY KEY ("logId", "idx")
);

-- CreateTable
CREATE TABLE "LedgerNode" (
    "logId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "idx" BIGINT NOT NULL,
    "hash" BLOB NOT NULL,

    PRIMARY KEY ("logId", "level", "idx")
);

-- CreateTable
CREATE TABLE "LedgerCheckpoint" (
    "logId" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "rootHash" BLOB NOT NULL,
    "signedNote" TEXT NOT NULL,
    "jws" TEXT NOT NULL,
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("logId", "size")
);

-- CreateTable
CREATE TABLE "Rechtenverzoek" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "soort" TEXT NOT NULL,
    "betrokkeneId" TEXT,
    "regime" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ontvangen',
    "ontvangenOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uiterlijkOp" DATETIME NOT NULL,
    "afgehandeldOp" DATETIME,
    "motivering" TEXT
);

-- CreateTable
CREATE TABLE "Medewerker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "pseudoniem" TEXT NOT NULL,
    "rol" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'actief',
    "aangemaaktOp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Medewerker_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tijd" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "soort" TEXT NOT NULL,
    "partnerId" TEXT,
    "actor" TEXT,
    "reden" TEXT NOT NULL,
    "traceId" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_oin_key" ON "Partner"("oin");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerCertificaat_fingerprint_key" ON "PartnerCertificaat"("fingerprint");

-- CreateIndex
CREATE INDEX "PartnerCertificaat_partnerId_idx" ON "PartnerCertificaat"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerSleutel_partnerId_kid_key" ON "PartnerSleutel"("partnerId", "kid");

-- CreateIndex
CREATE INDEX "GebruikteJti_verlooptOp_idx" ON "GebruikteJti"("verlooptOp");

-- CreateIndex
CREATE UNIQUE INDEX "ConvenantVersie_sha256_key" ON "ConvenantVersie"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ConvenantVersie_convenantId_versie_key" ON "ConvenantVersie"("convenantId", "versie");

-- CreateIndex
CREATE UNIQUE INDEX "Betrokkene_bsnPseudoniem_key" ON "Betrokkene"("bsnPseudoniem");

-- CreateIndex
CREATE INDEX "Betrokkene_matchSleutel_idx" ON "Betrokkene"("matchSleutel");

-- CreateIndex
CREATE UNIQUE INDEX "SysteemRelatie_vanId_naarId_soort_key" ON "SysteemRelatie"("vanId", "naarId", "soort");

-- CreateIndex
CREATE UNIQUE INDEX "KoppelVoorstel_betrokkeneId_kandidaatId_key" ON "KoppelVoorstel"("betrokkeneId", "kandidaatId");

-- CreateIndex
CREATE INDEX "Casus_status_idx" ON "Casus"("status");

-- CreateIndex
CREATE INDEX "CasusDeelnemer_partnerId_idx" ON "CasusDeelnemer"("partnerId");

-- CreateIndex
CREATE INDEX "CasusBetrokkene_betrokkeneId_idx" ON "CasusBetrokkene"("betrokkeneId");

-- CreateIndex
CREATE INDEX "InformatieItem_casusId_idx" ON "InformatieItem"("casusId");

-- CreateIndex
CREATE INDEX "InformatieItem_betrokkeneId_idx" ON "InformatieItem"("betrokkeneId");

-- CreateIndex
CREATE INDEX "Rechtenverzoek_status_uiterlijkOp_idx" ON "Rechtenverzoek"("status", "uiterlijkOp");

-- CreateIndex
CREATE UNIQUE INDEX "Medewerker_partnerId_pseudoniem_key" ON "Medewerker"("partnerId", "pseudoniem");

-- CreateIndex
CREATE INDEX "AuditEvent_tijd_idx" ON "AuditEvent"("tijd");
