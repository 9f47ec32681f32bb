import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadContract } from '../../../../openapi/load-contract.js';

const gatewayDir = fileURLToPath(new URL('../../../../gateway/', import.meta.url));

/** The leading literal part of each contract path, e.g. `/casussen` of `/casussen/{casusId}/triage`. */
function contractPrefixes(): string[] {
  const prefixes = loadContract().operations.map((o) => o.template.split('/{')[0]!);
  return [...new Set(prefixes)].sort((a, b) => b.length - a.length);
}

/**
 * `/casussen` written as (the start of) a path in code: opening a string or following an interpolation
 * (`${base}/casussen`), and followed by a quote, a slash, `?` or `$`. Prose and file paths do not count.
 */
function pathLiteral(prefix: string): RegExp {
  return new RegExp(`(?<=['"\`}])${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=['"\`/?$])`);
}

describe('paths of the contract', () => {
  it('are written once, in the contract: no gateway source repeats one', () => {
    const files = readdirSync(gatewayDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    assert.ok(files.length > 50, `expected to scan the gateway sources, found ${files.length} files`);
    const patterns = contractPrefixes().map((prefix) => ({ prefix, pattern: pathLiteral(prefix) }));
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(join(gatewayDir, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\*|\*|\/\/)/.test(line)) return; // comments may name an operation's path
        if (/\bfrom ['"]|import\(/.test(line)) return; // module specifiers are file paths
        const code = line.replace(/name: ['"`]\/[^'"`]*['"`]/g, ''); // JSON pointers into a body
        for (const { prefix, pattern } of patterns) {
          if (pattern.test(code)) found.push(`gateway/${file}:${i + 1}: ${prefix}`);
        }
      });
    }
    assert.deepEqual(found, [], `paths are built from the contract's templates, not written out:\n${found.join('\n')}`);
  });

  it('would be caught if written out (the check itself works)', () => {
    assert.ok(pathLiteral('/casussen').test("router.get('/casussen/:casusId')"), 'a route string is found');
    assert.ok(pathLiteral('/partners').test('`${basePath}/partners/${id}`'), 'a template literal is found');
    assert.ok(!pathLiteral('/partners').test("name: '/partner'"), 'a JSON pointer to /partner is not a path');
    assert.ok(!pathLiteral('/partners').test("'data/pki/partners/x.pem'"), 'a file path is not a contract path');
  });
});
