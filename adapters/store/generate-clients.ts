import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prismaSchemaFor } from './prisma-schemas.js';

/**
 * `npm run db:generate`: generates both Prisma clients (SQLite and PostgreSQL) from the one schema.
 * `prisma generate` does not use the schema engine, but the CLI insists on finding one before it
 * starts; pointing it at any existing file keeps it from downloading (see ENVIRONMENT.md).
 */
const prismaCli = fileURLToPath(new URL('../../node_modules/prisma/build/index.js', import.meta.url));
// The schema is written two folders below adapters/store with a relative output, because the client
// embeds the schema text: an absolute path would make the output differ per checkout.
const work = fileURLToPath(new URL('./prisma/.generate', import.meta.url));
mkdirSync(work, { recursive: true });
try {
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const schema = prismaSchemaFor(provider).replace(
      /output\s*=\s*"[^"]+"/,
      `output   = "../../generated/${provider}"`,
    );
    const file = join(work, `${provider}.prisma`);
    writeFileSync(file, schema);
    execFileSync(process.execPath, [prismaCli, 'generate', '--schema', file], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
    console.log(`generated the ${provider} client in adapters/store/generated/${provider}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
