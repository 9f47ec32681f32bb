import type { DbClient } from './db-client.js';
import { inserted } from './unique-violation.js';

export interface PartnerRecord {
  id: string;
  naam: string;
  oin: string;
  soort: string;
  regime: string;
  contactNaam: string | null;
  contactEmail: string | null;
  status: string;
  /** May exchange an assertion for a (marked, unbound) token without presenting its certificate. */
  assertieZonderCertificaat: boolean;
}

export interface CertificaatRecord {
  fingerprint: string;
  subject: string;
  serienummer: string;
  geldigVanaf: Date;
  geldigTot: Date;
  ingetrokkenOp: Date | null;
}

export interface SleutelRecord {
  kid: string;
  jwk: string;
  ingetrokkenOp: Date | null;
}

const partnerFields = {
  id: true,
  naam: true,
  oin: true,
  soort: true,
  regime: true,
  contactNaam: true,
  contactEmail: true,
  status: true,
  assertieZonderCertificaat: true,
} as const;

/** The partner registry: organisations, their certificates and their assertion keys. */
export function partnerRepository(db: DbClient) {
  let jtiInserts = 0;
  return {
    findById: (id: string): Promise<PartnerRecord | null> =>
      db.partner.findUnique({ where: { id }, select: partnerFields }),
    findByOin: (oin: string): Promise<PartnerRecord | null> =>
      db.partner.findUnique({ where: { oin }, select: partnerFields }),
    list: (): Promise<PartnerRecord[]> => db.partner.findMany({ select: partnerFields, orderBy: { id: 'asc' } }),
    /** The partners with these ids that exist, by id. */
    findByIds: (ids: string[]): Promise<PartnerRecord[]> =>
      db.partner.findMany({ where: { id: { in: ids } }, select: partnerFields, orderBy: { id: 'asc' } }),
    /** Ids of the active partners of one soort (e.g. every ZVH). */
    activeIdsOfSoort: async (soort: string): Promise<string[]> =>
      (await db.partner.findMany({ where: { soort, status: 'actief' }, select: { id: true } })).map((p) => p.id),

    /** Creates a partner; false when the id or OIN is taken. */
    create: (
      p: Omit<PartnerRecord, 'status' | 'assertieZonderCertificaat'> & { assertieZonderCertificaat?: boolean },
    ): Promise<boolean> => inserted(db.partner.create({ data: { ...p, status: 'actief' } })),

    /** Allows or forbids certificate-less token exchange for this partner; null when it does not exist. */
    async setAssertionWithoutCertificate(id: string, allowed: boolean): Promise<PartnerRecord | null> {
      const found = await db.partner.updateMany({ where: { id }, data: { assertieZonderCertificaat: allowed } });
      return found.count === 0 ? null : db.partner.findUnique({ where: { id }, select: partnerFields });
    },

    async setStatus(id: string, status: 'actief' | 'geschorst'): Promise<PartnerRecord | null> {
      const found = await db.partner.updateMany({ where: { id }, data: { status } });
      return found.count === 0 ? null : db.partner.findUnique({ where: { id }, select: partnerFields });
    },

    /** The registered certificate with this fingerprint and its partner, revoked ones included. */
    findCertificate: (fingerprint: string) =>
      db.partnerCertificaat.findUnique({ where: { fingerprint }, include: { partner: { select: partnerFields } } }),

    certificates: (partnerId: string): Promise<CertificaatRecord[]> =>
      db.partnerCertificaat.findMany({
        where: { partnerId },
        select: {
          fingerprint: true,
          subject: true,
          serienummer: true,
          geldigVanaf: true,
          geldigTot: true,
          ingetrokkenOp: true,
        },
        orderBy: { geldigVanaf: 'asc' },
      }),

    /** Registers a certificate; false when this fingerprint is registered already. */
    addCertificate: (partnerId: string, c: Omit<CertificaatRecord, 'ingetrokkenOp'>): Promise<boolean> =>
      inserted(db.partnerCertificaat.create({ data: { id: c.fingerprint.slice(0, 32), partnerId, ...c } })),

    async revokeCertificate(partnerId: string, fingerprint: string, at: Date): Promise<boolean> {
      const r = await db.partnerCertificaat.updateMany({
        where: { partnerId, fingerprint, ingetrokkenOp: null },
        data: { ingetrokkenOp: at },
      });
      return r.count > 0;
    },

    keys: (partnerId: string): Promise<SleutelRecord[]> =>
      db.partnerSleutel.findMany({
        where: { partnerId },
        select: { kid: true, jwk: true, ingetrokkenOp: true },
        orderBy: { aangemaaktOp: 'asc' },
      }),

    addKey: (partnerId: string, kid: string, jwk: string): Promise<boolean> =>
      inserted(db.partnerSleutel.create({ data: { id: `${partnerId}:${kid}`, partnerId, kid, jwk } })),

    async revokeKey(partnerId: string, kid: string, at: Date): Promise<boolean> {
      const r = await db.partnerSleutel.updateMany({
        where: { partnerId, kid, ingetrokkenOp: null },
        data: { ingetrokkenOp: at },
      });
      return r.count > 0;
    },

    /**
     * Records a client-assertion `jti`; false when it was seen before (a replay). The primary key makes
     * this atomic across gateway processes sharing one database.
     */
    async useJti(jti: string, partnerId: string, expiresAt: Date, now: Date): Promise<boolean> {
      if (
        !(await inserted(
          db.gebruikteJti.create({ data: { jti: `${partnerId}:${jti}`, partnerId, verlooptOp: expiresAt } }),
        ))
      )
        return false;
      // Expired ids can never be replayed successfully (the assertion itself is expired), so prune them.
      if (++jtiInserts % 100 === 0) await db.gebruikteJti.deleteMany({ where: { verlooptOp: { lt: now } } });
      return true;
    },
  };
}

export type PartnerRepository = ReturnType<typeof partnerRepository>;
