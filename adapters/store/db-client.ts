import type { PrismaClient } from './generated/sqlite/client.js';

/**
 * The Prisma client type the repositories use. Both generated clients come from one schema (see
 * prisma-schemas.ts), so the PostgreSQL client has exactly this shape.
 */
export type Db = PrismaClient;

/** A client inside one interactive transaction: the client's model API without `$transaction` and friends. */
export type DbClient = Parameters<Parameters<Db['$transaction']>[0]>[0];
