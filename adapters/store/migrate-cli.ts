import { loadConfig } from '../../gateway/config/load-config.js';
import { providerOf } from './database-url.js';
import { applyMigrations } from './migrate.js';
import { adapterFor } from './open-store.js';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (npm start does this too). */
const config = loadConfig();
const applied = await applyMigrations(providerOf(config.databaseUrl), adapterFor(config.databaseUrl));
console.log(applied.length === 0 ? 'database is up to date' : `applied: ${applied.join(', ')}`);
