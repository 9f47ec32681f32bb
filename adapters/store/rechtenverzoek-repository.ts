import { randomUUID } from 'node:crypto';
import type { DbClient } from './db-client.js';

export interface RechtenverzoekRecord {
  id: string;
  soort: string;
  bsnPseudoniem: string;
  status: string;
  geregistreerdOp: Date;
  ontvangstdatum: string;
  uiterlijkOp: string;
  bepalendRegime: string;
  /** JSON array of regimes. */
  regimes: string;
  /** JSON array of partner ids. */
  bronPartners: string;
  verlengingMaanden: number;
  geregistreerdDoorPartner: string;
  geregistreerdDoorActor: string;
  identiteitMethode: string;
  identiteitDoor: string;
  identiteitOp: Date;
  behandelaar: string | null;
  dataSleutel: string;
  toelichtingVersleuteld: string | null;
  rectificatieVersleuteld: string | null;
  uitkomstCode: string | null;
  uitkomstVersleuteld: string | null;
  afgeslotenOp: Date | null;
}

export interface GebeurtenisRecord {
  volgnummer: number;
  soort: string;
  vanStatus: string | null;
  naarStatus: string | null;
  doorPartner: string;
  doorActor: string;
  op: Date;
  redenVersleuteld: string | null;
}

export interface WeglatingRecord {
  id: string;
  verzoekId: string;
  itemId: string;
  grond: string;
  vermelden: boolean;
  toelichtingVersleuteld: string | null;
  door: string;
  op: Date;
  ingetrokkenOp: Date | null;
}

export type VerzoekWijziging = Partial<
  Pick<
    RechtenverzoekRecord,
    | 'status'
    | 'uiterlijkOp'
    | 'bepalendRegime'
    | 'regimes'
    | 'bronPartners'
    | 'verlengingMaanden'
    | 'behandelaar'
    | 'uitkomstCode'
    | 'uitkomstVersleuteld'
    | 'afgeslotenOp'
  >
>;

/** Subject-rights requests, their append-only history and the items withheld from their answers. */
export function rechtenverzoekRepository(db: DbClient) {
  return {
    create: async (r: RechtenverzoekRecord): Promise<void> => {
      await db.rechtenverzoek.create({ data: r });
    },
    findById: (id: string): Promise<RechtenverzoekRecord | null> => db.rechtenverzoek.findUnique({ where: { id } }),
    /** Requests not closed, or all, newest first. */
    list: (options: { open?: boolean } = {}): Promise<RechtenverzoekRecord[]> =>
      db.rechtenverzoek.findMany({
        where: options.open ? { afgeslotenOp: null } : {},
        orderBy: [{ geregistreerdOp: 'desc' }, { id: 'asc' }],
        take: 1000,
      }),
    /** Updates a request only while it still has `expectedStatus` (an optimistic check against a race). */
    update: async (id: string, expectedStatus: string, change: VerzoekWijziging): Promise<boolean> =>
      (await db.rechtenverzoek.updateMany({ where: { id, status: expectedStatus }, data: change })).count === 1,

    appendGebeurtenis: async (verzoekId: string, g: Omit<GebeurtenisRecord, 'volgnummer'>): Promise<void> => {
      const last = await db.rechtenverzoekGebeurtenis.findFirst({
        where: { verzoekId },
        orderBy: { volgnummer: 'desc' },
        select: { volgnummer: true },
      });
      await db.rechtenverzoekGebeurtenis.create({
        data: { id: randomUUID(), verzoekId, volgnummer: (last?.volgnummer ?? 0) + 1, ...g },
      });
    },
    gebeurtenissen: (verzoekId: string): Promise<GebeurtenisRecord[]> =>
      db.rechtenverzoekGebeurtenis.findMany({
        where: { verzoekId },
        orderBy: { volgnummer: 'asc' },
        select: {
          volgnummer: true,
          soort: true,
          vanStatus: true,
          naarStatus: true,
          doorPartner: true,
          doorActor: true,
          op: true,
          redenVersleuteld: true,
        },
      }),

    addWeglating: async (w: WeglatingRecord): Promise<void> => {
      await db.weglating.create({ data: w });
    },
    weglatingen: (verzoekId: string, options: { ookIngetrokken?: boolean } = {}): Promise<WeglatingRecord[]> =>
      db.weglating.findMany({
        where: { verzoekId, ...(options.ookIngetrokken ? {} : { ingetrokkenOp: null }) },
        orderBy: [{ op: 'asc' }, { id: 'asc' }],
      }),
    withdrawWeglating: async (verzoekId: string, id: string, at: Date): Promise<boolean> =>
      (await db.weglating.updateMany({ where: { id, verzoekId, ingetrokkenOp: null }, data: { ingetrokkenOp: at } }))
        .count === 1,

    /** Who supplied an item and about which record; null when there is no such item. */
    item: (id: string): Promise<{ betrokkeneId: string | null; bronPartnerId: string } | null> =>
      db.informatieItem.findUnique({ where: { id }, select: { betrokkeneId: true, bronPartnerId: true } }),
    /** The source partners (with their regime) of the items about these betrokkene records. */
    bronnenOver: async (betrokkeneIds: string[]): Promise<{ partnerId: string; regime: string }[]> => {
      if (betrokkeneIds.length === 0) return [];
      const rows = await db.informatieItem.findMany({
        where: { betrokkeneId: { in: betrokkeneIds } },
        select: { bronPartnerId: true },
        distinct: ['bronPartnerId'],
      });
      const partners = await db.partner.findMany({
        where: { id: { in: rows.map((r) => r.bronPartnerId) } },
        select: { id: true, regime: true },
        orderBy: { id: 'asc' },
      });
      return partners.map((p) => ({ partnerId: p.id, regime: p.regime }));
    },
  };
}

export type RechtenverzoekRepository = ReturnType<typeof rechtenverzoekRepository>;
