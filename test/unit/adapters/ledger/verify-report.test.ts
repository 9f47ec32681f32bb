import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkpointText } from '../../../../adapters/ledger/checkpoints.js';
import { inclusionProof, leafHash, perfectFromLeaves, subtreeHash } from '../../../../adapters/ledger/merkle.js';
import { noteSigner } from '../../../../adapters/ledger/signed-note.js';
import { verifyReportProofs, type ReportProofs } from '../../../../adapters/ledger/verify-report.js';

const canonicalize = createRequire(import.meta.url)('canonicalize') as (v: unknown) => string;
const signer = noteSigner('test.knooppunt/log', generateKeyPairSync('ed25519').privateKey);

/** A log of `n` entries and a report listing the entries at `listed`, with proofs to a signed checkpoint. */
function reportOver(n: number, listed: number[]): ReportProofs {
  const bodies = Array.from({ length: n }, (_, i) =>
    canonicalize({
      tijd: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      doel: 'casusoverleg',
      ontvanger: { partner: `partner-${i % 3}`, actor: { id: `a${i}`, rol: 'medewerker' } },
      categorieen: ['wonen'],
    }),
  );
  const leaves = bodies.map((b) => leafHash(Buffer.from(b)));
  const perfect = perfectFromLeaves(leaves);
  const root = subtreeHash(0, n, perfect);
  return {
    logbewijs: {
      origin: signer.name,
      verifierKey: signer.verifierKey(),
      checkpoint: {
        grootte: n,
        rootHash: root.toString('hex'),
        signedNote: signer.sign(checkpointText(signer.name, n, root)),
      },
    },
    verstrekkingen: listed.map((i) => {
      const b = JSON.parse(bodies[i]!);
      return {
        index: i,
        leafHash: leaves[i]!.toString('hex'),
        tijd: b.tijd,
        doel: b.doel,
        ontvanger: { partner: b.ontvanger.partner, rol: b.ontvanger.actor.rol },
        categorieen: b.categorieen,
        logRegel: bodies[i]!,
        bewijs: inclusionProof(i, n, perfect).map((h) => h.toString('hex')),
      };
    }),
  };
}

describe('verifying an access report offline', () => {
  it('accepts every listed entry of logs of any size, pinned to the log key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.nat({ max: n - 1 })))),
        ([n, listed]) => {
          const r = reportOver(n, listed);
          assert.deepEqual(verifyReportProofs(r, signer.verifierKey()), {
            problems: [],
            warnings: [],
            checked: listed.length,
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('fails when any character of a proof-carrying value is changed', () => {
    const r = reportOver(13, [0, 5, 12]);
    const flip = (text: string, at: number) => {
      const p = at % text.length;
      const c = text[p]!;
      return (
        text.slice(0, p) +
        (c === '0' ? '1' : c === 'A' ? 'B' : c === 'a' ? 'b' : c === '1' ? '0' : 'a') +
        text.slice(p + 1)
      );
    };
    const fields = [
      'logRegel',
      'leafHash',
      'bewijs',
      'index',
      'tijd',
      'doel',
      'signedNote',
      'rootHash',
      'grootte',
    ] as const;
    fc.assert(
      fc.property(fc.nat({ max: 2 }), fc.constantFrom(...fields), fc.nat(), (i, field, at) => {
        const copy = structuredClone(r);
        const v = copy.verstrekkingen[i]!;
        const cp = copy.logbewijs.checkpoint!;
        if (field === 'index') v.index += 1 + (at % 7);
        else if (field === 'grootte') cp.grootte += 1 + (at % 7);
        else if (field === 'bewijs') v.bewijs[at % v.bewijs.length] = flip(v.bewijs[at % v.bewijs.length]!, at);
        else if (field === 'signedNote' || field === 'rootHash') cp[field] = flip(cp[field], at);
        else v[field] = flip(v[field], at);
        if (JSON.stringify(copy) === JSON.stringify(r)) return;
        const { problems } = verifyReportProofs(copy, signer.verifierKey());
        assert.ok(problems.length > 0, `changing ${field} at ${at} of entry ${i} went unnoticed`);
      }),
      { numRuns: 300 },
    );
  });

  it('warns when the key comes from the report itself, and fails when it differs from the pinned one', () => {
    const r = reportOver(4, [1]);
    assert.match(verifyReportProofs(r).warnings.join(), /sleutel komt uit het rapport/);
    const other = noteSigner(signer.name, generateKeyPairSync('ed25519').privateKey).verifierKey();
    assert.match(verifyReportProofs(r, other).problems.join(), /niet de vastgepinde sleutel/);
  });

  it('fails when the shown recipient or purpose differs from what the logged body says', () => {
    const r = reportOver(6, [2]);
    r.verstrekkingen[0]!.ontvanger.partner = 'iemand-anders';
    assert.match(verifyReportProofs(r, signer.verifierKey()).problems.join(), /logindex 2: ontvanger/);
  });

  it('refuses a malformed key even when the report lists nothing', () => {
    const r = reportOver(2, []);
    delete r.logbewijs.checkpoint;
    assert.match(verifyReportProofs(r, 'geen-sleutel').problems.join(), /sleutel/);
    assert.deepEqual(verifyReportProofs(r, signer.verifierKey()).problems, []);
  });

  it('cannot see a dropped entry: inclusion proofs say nothing of completeness', () => {
    const r = reportOver(6, [1, 2, 3]);
    r.verstrekkingen.splice(1, 1);
    assert.deepEqual(verifyReportProofs(r, signer.verifierKey()).problems, []);
  });
});
