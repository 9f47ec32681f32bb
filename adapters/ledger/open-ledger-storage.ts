import { providerOf, sqlitePath } from '../store/database-url.js';
import type { LedgerStorage } from './ledger-storage.js';
import { postgresLedgerStorage } from './postgres-ledger-storage.js';
import { sqliteLedgerStorage } from './sqlite-ledger-storage.js';

/** Ledger storage on the same database as the rest of Knooppunt (its tables come with the migrations). */
export function openLedgerStorage(databaseUrl: string): LedgerStorage {
  return providerOf(databaseUrl) === 'postgresql'
    ? postgresLedgerStorage(databaseUrl)
    : sqliteLedgerStorage(sqlitePath(databaseUrl));
}
