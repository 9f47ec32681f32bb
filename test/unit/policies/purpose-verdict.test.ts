import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CompiledCovenant } from '../../../policies/covenant/compile-covenant.js';
import { loadCovenantText } from '../../../policies/covenant/load-covenant-text.js';
import { decide } from '../../../policies/engine/decide.js';
import { purposeVerdict } from '../../../policies/engine/purpose-verdict.js';
import { fasen } from '../../../policies/taxonomy/fasen.js';
import { partnerSoorten } from '../../../policies/taxonomy/partner-soorten.js';
import { miniCovenant } from '../../fixtures/mini-covenant.js';

const mini = miniCovenant();
const example = loadCovenantText(
  readFileSync(new URL('../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url), 'utf8'),
  'zvh-demo-2026.1.yaml',
).covenant;
const p = (soort: string, id = `${soort}-1`) => ({ id, soort });

describe('purposeVerdict: may a partner use a purpose at all', () => {
  it('opens a purpose that a permit rule for the recipient allows, and names the opening rules', () => {
    const v = purposeVerdict(mini, 'verstrekken', p('ggz'), 'overleg');
    assert.deepEqual(v, { toegestaan: true, regels: ['basis-naar-iedereen', 'zorg-naar-ggz'] }, 'ggz may use overleg');
  });

  it('closes a purpose that the only opening rule lists as prohibited, naming that rule', () => {
    const v = purposeVerdict(mini, 'verstrekken', p('ggz'), 'monitoring');
    assert.deepEqual(v, { toegestaan: false, reden: 'doel-verboden', regel: 'basis-naar-iedereen' });
  });

  it('closes a purpose that a deny rule over every category refuses, even where a permit would open it', () => {
    const v = purposeVerdict(mini, 'verstrekken', p('gemeente'), 'handhaving');
    assert.deepEqual(v, { toegestaan: false, reden: 'doel-verboden', regel: 'nooit-handhaving' });
  });

  it('answers "not allowed" without a rule where the covenant never opened the purpose to the partner', () => {
    const v = purposeVerdict(mini, 'verstrekken', p('dji'), 'analyse');
    assert.deepEqual(v, { toegestaan: false, reden: 'doel-niet-toegestaan' });
  });

  it('answers an unknown purpose as unknown', () => {
    assert.deepEqual(purposeVerdict(mini, 'verstrekken', p('ggz'), 'nergens'), {
      toegestaan: false,
      reden: 'onbekend-doel',
    });
  });

  it('judges supply by the supplier: anyone may supply for samenwerking, nobody for analyse', () => {
    assert.equal(purposeVerdict(mini, 'aanleveren', p('politie'), 'overleg').toegestaan, true, 'overleg is open');
    assert.equal(purposeVerdict(mini, 'aanleveren', p('politie'), 'analyse').toegestaan, false, 'analyse is not');
  });

  it('in the example covenant, closes handhaving to the woningcorporatie and opens triage to the police', () => {
    const woning = purposeVerdict(example, 'verstrekken', p('woningcorporatie'), 'fraudebestrijding');
    assert.equal(woning.toegestaan, false, `fraudebestrijding must be closed: ${JSON.stringify(woning)}`);
    assert.equal(woning.toegestaan === false && woning.regel, 'niets-voor-handhaving', 'named by its prohibition');
    const politie = purposeVerdict(example, 'verstrekken', p('politie'), 'triage');
    assert.equal(politie.toegestaan, true, `triage must be open to the police: ${JSON.stringify(politie)}`);
  });

  for (const [name, covenant] of [
    ['the mini covenant', mini],
    ['the example covenant', example],
  ] as [string, CompiledCovenant][]) {
    it(`never closes a purpose under which decide() would grant any category (${name})`, () => {
      const categories = [...covenant.categories.keys()];
      const soort = fc.constantFrom(...partnerSoorten, 'zvh');
      const partner = soort.chain((s) => fc.constantFrom(p(s), p(s, `${s}-demo`), p(s, 'om-1')));
      fc.assert(
        fc.property(
          fc.record({
            actie: fc.constantFrom<'aanleveren' | 'verstrekken'>('verstrekken', 'aanleveren'),
            partner,
            bron: partner,
            doel: fc.constantFrom(...covenant.purposes.keys()),
            categorieen: fc.subarray(categories, { minLength: 1 }),
            fase: fc.option(fc.constantFrom(...fasen), { nil: undefined }),
            deelnemer: fc.boolean(),
            codeRood: fc.boolean(),
            toestemming: fc.boolean(),
          }),
          (req) => {
            const verdict = purposeVerdict(covenant, req.actie, req.partner, req.doel);
            if (verdict.toegestaan) return;
            const granted = decide(covenant, req).perCategory.filter((c) => c.effect !== 'deny');
            assert.deepEqual(
              granted.map((c) => c.categorie),
              [],
              `verdict ${JSON.stringify(verdict)} closed ${req.doel} to ${req.partner.id}, yet decide() granted`,
            );
          },
        ),
        { numRuns: 2000 },
      );
    });
  }
});
