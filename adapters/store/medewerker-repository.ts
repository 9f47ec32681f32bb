import type { DbClient } from './db-client.js';

export interface MedewerkerRecord {
  id: string;
  partnerId: string;
  pseudoniem: string;
  rol: string;
  status: string;
  oidcSubject: string | null;
}

export interface PasskeyRecord {
  id: string;
  medewerkerId: string;
  publicKey: string;
  teller: number;
  transports: string;
}

const fields = { id: true, partnerId: true, pseudoniem: true, rol: true, status: true, oidcSubject: true } as const;

/**
 * Employees of partners who use the staff web application, their passkeys, their one-time enrolment
 * links and the short-lived WebAuthn/OIDC challenges. Tokens and links are stored only as hashes.
 */
export function medewerkerRepository(db: DbClient) {
  return {
    create: (m: Omit<MedewerkerRecord, 'status'>, at: Date) =>
      db.medewerker.create({ data: { ...m, aangemaaktOp: at }, select: fields }),
    byId: (id: string): Promise<MedewerkerRecord | null> => db.medewerker.findUnique({ where: { id }, select: fields }),
    byOidcSubject: (subject: string): Promise<MedewerkerRecord | null> =>
      db.medewerker.findUnique({ where: { oidcSubject: subject }, select: fields }),
    setOidcSubject: (id: string, oidcSubject: string) =>
      db.medewerker.update({ where: { id }, data: { oidcSubject }, select: fields }),
    byPartner: (partnerId: string): Promise<MedewerkerRecord[]> =>
      db.medewerker.findMany({ where: { partnerId }, select: fields, orderBy: { pseudoniem: 'asc' } }),
    addInvitation: (i: { id: string; tokenHash: string; medewerkerId: string; verlooptOp: Date }, at: Date) =>
      db.uitnodiging.create({ data: { ...i, aangemaaktOp: at } }),
    /** The invitation, if unused and unexpired, marked used in the same statement: single use even under races. */
    async redeemInvitation(tokenHash: string, at: Date): Promise<string | null> {
      const found = await db.uitnodiging.findUnique({ where: { tokenHash } });
      if (!found || found.gebruiktOp || found.verlooptOp <= at) return null;
      const { count } = await db.uitnodiging.updateMany({
        where: { id: found.id, gebruiktOp: null },
        data: { gebruiktOp: at },
      });
      return count === 1 ? found.medewerkerId : null;
    },
    async invitationHolder(tokenHash: string, at: Date): Promise<string | null> {
      const found = await db.uitnodiging.findUnique({ where: { tokenHash } });
      return found && !found.gebruiktOp && found.verlooptOp > at ? found.medewerkerId : null;
    },
    addPasskey: (p: Omit<PasskeyRecord, 'teller'> & { teller: number }, at: Date) =>
      db.passkey.create({ data: { ...p, aangemaaktOp: at } }),
    passkey: (id: string): Promise<PasskeyRecord | null> => db.passkey.findUnique({ where: { id } }),
    passkeysOf: (medewerkerId: string): Promise<PasskeyRecord[]> => db.passkey.findMany({ where: { medewerkerId } }),
    setCounter: (id: string, teller: number) => db.passkey.update({ where: { id }, data: { teller } }),
    putChallenge: (c: { id: string; doel: string; waarde: string; gegevens?: string; verlooptOp: Date }) =>
      db.webChallenge.create({ data: c }),
    /** A challenge is read once: taking it deletes it. */
    async takeChallenge(id: string, doel: string, at: Date): Promise<{ waarde: string; gegevens: string } | null> {
      const found = await db.webChallenge.findUnique({ where: { id } });
      if (!found) return null;
      const { count } = await db.webChallenge.deleteMany({ where: { id } });
      if (count !== 1 || found.doel !== doel || found.verlooptOp <= at) return null;
      return { waarde: found.waarde, gegevens: found.gegevens };
    },
  };
}

export type MedewerkerRepository = ReturnType<typeof medewerkerRepository>;
