import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const gateway = join(root, 'gateway');

/** Prisma's fingerprints: its client methods, its query-object calls, its packages, the raw client. */
const forbidden: { what: string; pattern: RegExp }[] = [
  { what: 'a raw query', pattern: /\$(queryRaw|executeRaw)(Unsafe)?\b/ },
  { what: 'a Prisma transaction', pattern: /\$transaction\b/ },
  { what: 'a Prisma client method', pattern: /\$(disconnect|connect|extends)\b/ },
  { what: 'findMany (a Prisma model call)', pattern: /\.findMany\(/ },
  { what: 'findUnique (a Prisma model call)', pattern: /\.findUnique(OrThrow)?\(/ },
  {
    what: 'a Prisma model call with a query object',
    pattern:
      /\.(findFirst|create|createMany|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\(\s*\{\s*(where|data|select|include|orderBy)\b/,
  },
  { what: 'a Prisma package', pattern: /from ['"]@prisma\// },
  { what: 'the generated client', pattern: /adapters\/store\/generated\// },
  { what: 'the raw client type module', pattern: /adapters\/store\/db-client/ },
  { what: 'the raw client of the store', pattern: /\b(store|deps)\.db\b|\bdb\.\w+\.\w+\(/ },
];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every forbidden match in `text`, as "what (line n)". */
function findingsIn(text: string): string[] {
  return forbidden.flatMap(({ what, pattern }) => {
    const m = new RegExp(pattern.source, 'g').exec(text);
    return m ? [`${what} (line ${text.slice(0, m.index).split('\n').length})`] : [];
  });
}

describe('the gateway reaches the database only through repositories', () => {
  it('has no Prisma call, Prisma import or raw client anywhere under gateway/', () => {
    const files = sourcesUnder(gateway);
    assert.ok(files.length > 50, `expected the gateway's sources, found only ${files.length} files`);
    const findings = files.flatMap((f) => findingsIn(readFileSync(f, 'utf8')).map((x) => `${relative(root, f)}: ${x}`));
    assert.deepEqual(findings, [], `database access outside adapters/store:\n${findings.join('\n')}`);
  });

  it('recognises each kind of direct database access it forbids', () => {
    const samples = [
      'await db.$queryRaw`SELECT 1`',
      'await store.db.$transaction(async (tx) => {})',
      'await tx.casus.findMany({ where: { id } })',
      'await db.betrokkene.findUnique({ where: { id } })',
      'await tx.casus.create({\n  data: { id },\n})',
      'await tx.casus.updateMany({ where: { id }, data: {} })',
      "import { PrismaClient } from '@prisma/client';",
      "import type { Casus } from '../adapters/store/generated/sqlite/client.js';",
      'const client = deps.db;',
    ];
    for (const s of samples) assert.notDeepEqual(findingsIn(s), [], `not recognised as database access: ${s}`);
  });

  it('does not mistake repository calls for database access', () => {
    const samples = [
      'await tx.casussen.create(casus)',
      'await store.partners.findById(id)',
      'await deps.logSigning.checkpoints.create()',
      'await versions.create({ ...record })',
    ];
    for (const s of samples) assert.deepEqual(findingsIn(s), [], `a repository call taken for database access: ${s}`);
  });
});
