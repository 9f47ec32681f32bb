import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from '../../../../adapters/ledger/canonical-json.js';

const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

const outcome = (f: () => string | undefined) => {
  try {
    return { text: f() };
  } catch (err) {
    return { error: (err as Error).message };
  }
};

describe('canonical JSON (RFC 8785) for the ledger', () => {
  it('writes exactly what the canonicalize package writes, for any value (property)', () => {
    const strings = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    const values = fc.anything({
      key: strings,
      values: [strings, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)],
      withDate: true,
      withNullPrototype: true,
    });
    fc.assert(
      fc.property(values, (v) => {
        assert.deepEqual(
          outcome(() => canonicalJson(v)),
          outcome(() => canonicalize(v)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('sorts keys by UTF-16 code units and escapes only what JSON must', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [true, null, undefined], é: 'x"y\\\n\u2028', '\ud83d\ude00': '\ud800', c: undefined }),
      '{"a":[true,null,null],"b":1,"é":"x\\"y\\\\\\n\u2028","\ud83d\ude00":"\\ud800"}',
    );
  });

  it('writes the RFC 8785 number examples as the RFC does', () => {
    assert.equal(
      canonicalJson([Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000000000000000000000000001, -0]),
      '[333333333.3333333,1e+30,4.5,0.002,1e-27,0]',
    );
    assert.throws(() => canonicalJson({ n: NaN }), /NaN is not allowed/);
    assert.throws(() => canonicalJson([Infinity]), /Infinity is not allowed/);
  });
});
