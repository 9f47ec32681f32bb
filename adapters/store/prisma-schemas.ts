import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Provider } from './database-url.js';

const sourcePath = fileURLToPath(new URL('./prisma/schema.prisma', import.meta.url));

/** Where the migrations of each database live (Prisma's folder format, one folder per migration). */
export function migrationsDir(provider: Provider): string {
  return fileURLToPath(new URL(`./prisma/migrations/${provider}`, import.meta.url));
}

/**
 * The Prisma schema for one database. `schema.prisma` is written for SQLite; the PostgreSQL variant
 * differs only in its provider and where its client is generated, so the two cannot drift apart.
 */
export function prismaSchemaFor(provider: Provider, source = readFileSync(sourcePath, 'utf8')): string {
  if (provider === 'sqlite') return source;
  return source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output   = "../generated/sqlite"', 'output   = "../generated/postgresql"');
}

export const schemaSourcePath = sourcePath;
