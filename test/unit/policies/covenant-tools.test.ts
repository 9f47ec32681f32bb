import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadCovenantText } from '../../../policies/covenant/load-covenant-text.js';
import { decide } from '../../../policies/engine/decide.js';
import { explain } from '../../../policies/engine/explain.js';
import { diffCovenants } from '../../../policies/tools/diff-covenants.js';
import { simulate } from '../../../policies/tools/simulate.js';
import { miniCovenant } from '../../fixtures/mini-covenant.js';

const exampleText = readFileSync(new URL('../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url), 'utf8');
const example = loadCovenantText(exampleText, 'zvh-demo-2026.1.yaml').covenant;

describe('explain()', () => {
  it('words each category with its rule, legal basis and masking, or the rule that refused it', () => {
    const req = {
      actie: 'verstrekken' as const,
      partner: { id: 'gemeente-demo', soort: 'gemeente' },
      bron: { id: 'politie-demo', soort: 'politie' },
      categorieen: ['politiegegevens', 'gezondheid'],
      doel: 'casusoverleg',
      fase: 'casusoverleg' as const,
      deelnemer: true,
    };
    const lines = explain(example, req, decide(example, req));
    assert.match(
      lines[0]!,
      /gemeente-demo ontvangt van politie-demo voor doel casusoverleg .* zvh-demo@2026\.1: gedeeltelijk/,
    );
    assert.match(
      lines[1]!,
      /politiegegevens: toegestaan — op grond van politiegegevens-samenvatting-naar-gemeente — grondslag AVG 10 \/ Wpg art\. 20.* — gemaskeerd: inhoud, registratienummer/,
    );
    assert.match(lines[2]!, /gezondheid: geen regel staat dit toe/);
  });
});

describe('simulate()', () => {
  it('shows per category and source kind what a partner would see, with reasons', () => {
    const rows = simulate(example, {
      partner: { id: 'woningcorporatie-demo', soort: 'woningcorporatie' },
      doel: 'casusoverleg',
      fase: 'casusoverleg',
    });
    const row = (c: string) => rows.find((r) => r.categorie === c)!;
    assert.ok(
      row('identificatie').bronnen.every((b) => b.effect === 'permit'),
      'every source permits identificatie',
    );
    assert.ok(
      row('politiegegevens').bronnen.every(
        (b) => b.effect === 'deny' && b.regels.includes('woningcorporatie-geen-bijzondere-gegevens'),
      ),
      'every source denies politiegegevens by rule woningcorporatie-geen-bijzondere-gegevens',
    );
    assert.equal(row('gezondheid').bijzonder, 'art9');
    assert.equal(rows.length, example.categories.size);
  });

  it('simulates supplying too', () => {
    const rows = simulate(example, {
      partner: { id: 'ggz-demo', soort: 'ggz' },
      doel: 'triage',
      actie: 'aanleveren',
      fase: 'triage',
    });
    assert.equal(rows.find((r) => r.categorie === 'psychische-gezondheid')!.bronnen[0]!.effect, 'permit');
    assert.equal(rows.find((r) => r.categorie === 'politiegegevens')!.bronnen[0]!.effect, 'deny');
  });
});

describe('diffCovenants()', () => {
  it('finds nothing between a covenant and itself', () => {
    assert.deepEqual(diffCovenants(miniCovenant(), miniCovenant()), []);
  });

  it('lists what a new deny forbids, per partner kind, in every context where it bites', () => {
    const stricter = miniCovenant([
      {
        id: 'geen-naam-naar-gemeente',
        omschrijving: 'x',
        effect: 'deny',
        actie: 'verstrekken',
        leverancier: '*',
        ontvanger: { soort: 'gemeente' },
        categorieen: ['naam'],
        toegestaneDoelen: [],
        verbodenDoelen: [],
        voorwaarden: {},
        maskering: [],
      },
    ]);
    const changes = diffCovenants(miniCovenant(), stricter);
    assert.ok(changes.length > 0, 'the diff finds changes');
    assert.ok(
      changes.every((c) => c.partner === 'gemeente' && c.categorie === 'naam' && c.naar === 'deny' && c.van !== 'deny'),
      `every change is gemeente/naam becoming deny, got ${JSON.stringify(changes)}`,
    );
    assert.ok(
      changes.some((c) => c.doel === 'overleg' && c.contexten.length > 0),
      'a change for doel overleg names its contexts',
    );
  });

  it('lists what becomes allowed, and changed masking', () => {
    const wider = miniCovenant([
      {
        id: 'zorg-naar-zvh',
        omschrijving: 'x',
        effect: 'permit',
        actie: 'verstrekken',
        leverancier: '*',
        ontvanger: { soort: 'zvh' },
        categorieen: ['zorg'],
        toegestaneDoelen: ['overleg'],
        verbodenDoelen: [],
        grondslag: 'zorgwet',
        voorwaarden: {},
        maskering: ['diagnose'],
      },
    ]);
    const changes = diffCovenants(miniCovenant(), wider);
    assert.ok(
      changes.some(
        (c) =>
          c.partner === 'zvh' &&
          c.categorie === 'zorg' &&
          c.van === 'deny' &&
          c.naar === 'permit (gemaskeerd: diagnose)',
      ),
      `zvh/zorg goes from deny to masked permit, got ${JSON.stringify(changes)}`,
    );
    assert.ok(
      changes.every((c) => c.partner === 'zvh'),
      `only zvh is affected, got ${JSON.stringify(changes)}`,
    );
  });
});
