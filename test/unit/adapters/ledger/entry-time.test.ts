import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bodyTime, columnMatchesBody } from '../../../../adapters/ledger/entry-time.js';

const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string;
const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

describe('the time of a ledger entry', () => {
  it('is always the top-level tijd of the hashed body, whatever the column says and whatever is nested (property)', () => {
    fc.assert(
      fc.property(
        iso,
        fc.oneof(iso, fc.string()),
        fc.option(fc.record({ tijd: fc.oneof(iso, fc.string()), x: fc.string() }), { nil: undefined }),
        fc.dictionary(
          fc.string().filter((k) => k !== 'tijd' && k !== 'details'),
          fc.jsonValue(),
          { maxKeys: 4 },
        ),
        (tijd, column, details, rest) => {
          const body = canonicalize({ ...rest, ...(details ? { details } : {}), tijd });
          assert.equal(bodyTime(body, column), Date.parse(tijd));
          assert.equal(columnMatchesBody(body, column), Date.parse(column) === Date.parse(tijd));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is no time for a body without one, so its column cannot stand in', () => {
    assert.ok(Number.isNaN(bodyTime('{"a":1}', '2026-01-01T00:00:00.000Z')));
    assert.equal(columnMatchesBody('{"a":1}', '2026-01-01T00:00:00.000Z'), false);
    assert.equal(columnMatchesBody('{"tijd":"2026-01-01T00:00:00.000Z"}', null), false);
  });
});
