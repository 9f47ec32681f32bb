import { providerOf } from '../../adapters/store/database-url.js';
import { applyMigrations } from '../../adapters/store/migrate.js';
import { adapterFor } from '../../adapters/store/open-store.js';
import { loadConfig } from '../config/load-config.js';

/**
 * `npm run db:migrate`: applies pending migrations to the configured database (npm start does this
 * too). It lives in the gateway because it reads the gateway's configuration; the store knows none.
 */
const config = loadConfig();
const applied = await applyMigrations(providerOf(config.databaseUrl), adapterFor(config.databaseUrl));
console.log(applied.length === 0 ? 'database is up to date' : `applied: ${applied.join(', ')}`);
