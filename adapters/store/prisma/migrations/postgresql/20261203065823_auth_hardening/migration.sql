-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "assertieZonderCertificaat" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "details" TEXT;
