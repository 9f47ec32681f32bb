-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "naam" TEXT NOT NULL,
    "oin" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "regime" TEXT NOT NULL,
    "contactNaam" TEXT,
    "contactEmail" TEXT,
    "status" TEXT NOT NULL DEFAULT 'actief',
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gewijzigdOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerCertificaat" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "serienummer" TEXT NOT NULL,
    "geldigVanaf" TIMESTAMP(3) NOT NULL,
    "geldigTot" TIMESTAMP(3) NOT NULL,
    "ingetrokkenOp" TIMESTAMP(3),
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerCertificaat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerSleutel" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "jwk" TEXT NOT NULL,
    "ingetrokkenOp" TIMESTAMP(3),
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerSleutel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GebruikteJti" (
    "jti" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "verlooptOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GebruikteJti_pkey" PRIMARY KEY ("jti")
);

-- CreateTable
CREATE TABLE "ConvenantVersie" (
    "id" TEXT NOT NULL,
    "convenantId" TEXT NOT NULL,
    "versie" TEXT NOT NULL,
    "geldigVanaf" TIMESTAMP(3) NOT NULL,
    "geldigTot" TIMESTAMP(3),
    "sha256" TEXT NOT NULL,
    "bron" TEXT NOT NULL,
    "geladenOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConvenantVersie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Betrokkene" (
    "id" TEXT NOT NULL,
    "bsnPseudoniem" TEXT,
    "bsnVersleuteld" TEXT,
    "persoonVersleuteld" TEXT NOT NULL,
    "matchSleutel" TEXT,
    "dataSleutel" TEXT,
    "gewistOp" TIMESTAMP(3),
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Betrokkene_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SysteemRelatie" (
    "id" TEXT NOT NULL,
    "vanId" TEXT NOT NULL,
    "naarId" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "bronPartnerId" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SysteemRelatie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KoppelVoorstel" (
    "id" TEXT NOT NULL,
    "betrokkeneId" TEXT NOT NULL,
    "kandidaatId" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "besluitDoor" TEXT,
    "besluitOp" TIMESTAMP(3),
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KoppelVoorstel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Casus" (
    "id" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'aangemeld',
    "fase" TEXT NOT NULL DEFAULT 'aanmelding',
    "codeRood" BOOLEAN NOT NULL DEFAULT false,
    "gemeente" TEXT NOT NULL,
    "reden" TEXT NOT NULL,
    "leefgebieden" TEXT NOT NULL,
    "aanmelderId" TEXT NOT NULL,
    "triage" TEXT,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gewijzigdOp" TIMESTAMP(3) NOT NULL,
    "afgeslotenOp" TIMESTAMP(3),

    CONSTRAINT "Casus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CasusDeelnemer" (
    "casusId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "rol" TEXT NOT NULL,
    "sinds" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CasusDeelnemer_pkey" PRIMARY KEY ("casusId","partnerId")
);

-- CreateTable
CREATE TABLE "CasusBetrokkene" (
    "casusId" TEXT NOT NULL,
    "betrokkeneId" TEXT NOT NULL,
    "rol" TEXT NOT NULL,

    CONSTRAINT "CasusBetrokkene_pkey" PRIMARY KEY ("casusId","betrokkeneId")
);

-- CreateTable
CREATE TABLE "InformatieItem" (
    "id" TEXT NOT NULL,
    "casusId" TEXT NOT NULL,
    "betrokkeneId" TEXT,
    "bronPartnerId" TEXT NOT NULL,
    "categorie" TEXT NOT NULL,
    "leefgebied" TEXT,
    "inhoud" TEXT NOT NULL,
    "versleuteld" BOOLEAN NOT NULL DEFAULT false,
    "grondslag" TEXT NOT NULL,
    "doelVerzameling" TEXT NOT NULL,
    "ontvangenOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InformatieItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotentVerzoek" (
    "partnerId" TEXT NOT NULL,
    "sleutel" TEXT NOT NULL,
    "verzoekHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "antwoord" TEXT NOT NULL,
    "locatie" TEXT,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotentVerzoek_pkey" PRIMARY KEY ("partnerId","sleutel")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "logId" TEXT NOT NULL,
    "idx" BIGINT NOT NULL,
    "leafHash" BYTEA NOT NULL,
    "body" TEXT NOT NULL,
    "tijd" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("logId","idx")
);

-- CreateTable
CREATE TABLE "LedgerNode" (
    "logId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "idx" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "LedgerNode_pkey" PRIMARY KEY ("logId","level","idx")
);

-- CreateTable
CREATE TABLE "LedgerCheckpoint" (
    "logId" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "signedNote" TEXT NOT NULL,
    "jws" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerCheckpoint_pkey" PRIMARY KEY ("logId","size")
);

-- CreateTable
CREATE TABLE "Rechtenverzoek" (
    "id" TEXT NOT NULL,
    "soort" TEXT NOT NULL,
    "betrokkeneId" TEXT,
    "regime" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ontvangen',
    "ontvangenOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uiterlijkOp" TIMESTAMP(3) NOT NULL,
    "afgehandeldOp" TIMESTAMP(3),
    "motivering" TEXT,

    CONSTRAINT "Rechtenverzoek_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Medewerker" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "pseudoniem" TEXT NOT NULL,
    "rol" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'actief',
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Medewerker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "tijd" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "soort" TEXT NOT NULL,
    "partnerId" TEXT,
    "actor" TEXT,
    "reden" TEXT NOT NULL,
    "traceId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PartnerCertificaat" ADD CONSTRAINT "PartnerCertificaat_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSleutel" ADD CONSTRAINT "PartnerSleutel_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SysteemRelatie" ADD CONSTRAINT "SysteemRelatie_vanId_fkey" FOREIGN KEY ("vanId") REFERENCES "Betrokkene"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SysteemRelatie" ADD CONSTRAINT "SysteemRelatie_naarId_fkey" FOREIGN KEY ("naarId") REFERENCES "Betrokkene"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasusDeelnemer" ADD CONSTRAINT "CasusDeelnemer_casusId_fkey" FOREIGN KEY ("casusId") REFERENCES "Casus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasusDeelnemer" ADD CONSTRAINT "CasusDeelnemer_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasusBetrokkene" ADD CONSTRAINT "CasusBetrokkene_casusId_fkey" FOREIGN KEY ("casusId") REFERENCES "Casus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasusBetrokkene" ADD CONSTRAINT "CasusBetrokkene_betrokkeneId_fkey" FOREIGN KEY ("betrokkeneId") REFERENCES "Betrokkene"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformatieItem" ADD CONSTRAINT "InformatieItem_casusId_fkey" FOREIGN KEY ("casusId") REFERENCES "Casus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformatieItem" ADD CONSTRAINT "InformatieItem_betrokkeneId_fkey" FOREIGN KEY ("betrokkeneId") REFERENCES "Betrokkene"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Medewerker" ADD CONSTRAINT "Medewerker_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
