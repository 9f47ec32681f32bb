import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../../../policies/engine/decide.js';
import type { DecisionRequest } from '../../../policies/engine/decision.js';
import { miniCovenant } from '../../fixtures/mini-covenant.js';

const covenant = miniCovenant();
const p = (soort: string, id = `${soort}-1`) => ({ id, soort });
const ask = (over: Partial<DecisionRequest>): DecisionRequest => ({
  actie: 'verstrekken',
  partner: p('gemeente'),
  bron: p('politie'),
  categorieen: ['naam'],
  doel: 'overleg',
  deelnemer: true,
  ...over,
});
const one = (over: Partial<DecisionRequest>) => decide(covenant, ask(over)).perCategory[0]!;

interface Row {
  name: string;
  request: Partial<DecisionRequest>;
  effect: 'permit' | 'deny' | 'aggregaat';
  reason: string;
  rule?: string;
}

const table: Row[] = [
  {
    name: 'a grant to any recipient (*) for a purpose under the allowed one',
    request: { partner: p('ggz'), categorieen: ['adres'] },
    effect: 'permit',
    reason: 'toegestaan',
    rule: 'basis-naar-iedereen',
  },
  {
    name: 'a grant on a parent category covers its child',
    request: { partner: p('ggz'), categorieen: ['naam'] },
    effect: 'permit',
    reason: 'toegestaan',
    rule: 'basis-naar-iedereen',
  },
  {
    name: 'a grant on a child (adres, to non-participants) does not cover its parent (basis)',
    request: { partner: p('zvh'), categorieen: ['basis'], doel: 'monitoring', deelnemer: false },
    effect: 'deny',
    reason: 'geen-deelnemer',
  },
  {
    name: 'default deny: nothing mentions this recipient and category',
    request: { partner: p('dji'), categorieen: ['strafrecht'] },
    effect: 'deny',
    reason: 'geen-regel',
  },
  {
    name: 'a purpose under a prohibited one is refused',
    request: { partner: p('ggz'), categorieen: ['adres'], doel: 'monitoring' },
    effect: 'deny',
    reason: 'doel-verboden',
  },
  {
    name: 'a purpose over (broader than) a prohibited one is refused',
    request: { partner: p('ggz'), categorieen: ['adres'], doel: 'regie' },
    effect: 'deny',
    reason: 'doel-verboden',
  },
  {
    name: 'a purpose outside every allowed subtree is refused',
    request: { partner: p('ggz'), categorieen: ['zorg'], doel: 'samenwerking' },
    effect: 'deny',
    reason: 'doel-niet-toegestaan',
  },
  {
    name: 'a deny rule wins over a permit',
    request: { partner: p('woningcorporatie'), categorieen: ['naam'] },
    effect: 'deny',
    reason: 'verboden-door-regel',
    rule: 'nooit-naar-woning',
  },
  {
    name: 'a deny limited to a purpose applies under that purpose',
    request: { categorieen: ['naam'], doel: 'handhaving' },
    effect: 'deny',
    reason: 'verboden-door-regel',
    rule: 'nooit-handhaving',
  },
  {
    name: 'special category with a covering legal basis is permitted',
    request: { partner: p('ggz'), categorieen: ['zorg'] },
    effect: 'permit',
    reason: 'toegestaan',
    rule: 'zorg-naar-ggz',
  },
  {
    name: 'special category inherited by a child needs the basis too',
    request: { partner: p('ggz'), categorieen: ['diagnose'] },
    effect: 'permit',
    reason: 'toegestaan',
    rule: 'zorg-naar-ggz',
  },
  {
    name: 'special category under a basis that does not cover it is refused',
    request: { categorieen: ['zorg'] },
    effect: 'deny',
    reason: 'geen-grondslag-bijzonder',
  },
  {
    name: 'a rule for one named partner applies to that partner',
    request: { partner: p('om', 'om-1'), categorieen: ['strafrecht'], fase: 'casusoverleg' },
    effect: 'permit',
    reason: 'toegestaan',
    rule: 'strafrecht-naar-om-in-fase',
  },
  {
    name: 'and not to another partner of the same kind',
    request: { partner: p('om', 'om-2'), categorieen: ['strafrecht'], fase: 'casusoverleg' },
    effect: 'deny',
    reason: 'geen-regel',
  },
  {
    name: 'a supplier selector must match the source',
    request: { partner: p('om', 'om-1'), bron: p('ggz'), categorieen: ['strafrecht'], fase: 'casusoverleg' },
    effect: 'deny',
    reason: 'geen-regel',
  },
  {
    name: 'a phase condition refuses outside the phase',
    request: { partner: p('om', 'om-1'), categorieen: ['strafrecht'], fase: 'triage' },
    effect: 'deny',
    reason: 'fase',
  },
  {
    name: 'a code-rood condition refuses without code rood',
    request: { partner: p('politie'), categorieen: ['strafrecht'] },
    effect: 'deny',
    reason: 'code-rood',
  },
  {
    name: 'and permits with code rood',
    request: { partner: p('politie'), categorieen: ['strafrecht'], codeRood: true },
    effect: 'permit',
    reason: 'toegestaan',
    rule: 'strafrecht-code-rood',
  },
  {
    name: 'need-to-know: a non-participant is refused by default',
    request: { partner: p('ggz'), categorieen: ['adres'], deelnemer: false },
    effect: 'deny',
    reason: 'geen-deelnemer',
  },
  {
    name: 'unless the rule says deelnemer: false',
    request: { partner: p('zvh'), categorieen: ['adres'], doel: 'monitoring', deelnemer: false },
    effect: 'permit',
    reason: 'toegestaan',
    rule: 'basis-voor-niet-deelnemers',
  },
  {
    name: 'analyse never yields row-level data',
    request: { categorieen: ['naam'], doel: 'analyse', deelnemer: false },
    effect: 'aggregaat',
    reason: 'alleen-aggregaat',
    rule: 'analyse-voor-gemeente',
  },
  {
    name: 'supplying is decided by aanleveren rules only',
    request: { actie: 'aanleveren', partner: p('politie'), bron: undefined, categorieen: ['naam'], doel: 'overleg' },
    effect: 'permit',
    reason: 'toegestaan',
    rule: 'iedereen-levert-basis',
  },
  {
    name: 'and a verstrekken permit does not let anyone supply',
    request: { actie: 'aanleveren', partner: p('ggz'), bron: undefined, categorieen: ['zorg'], doel: 'overleg' },
    effect: 'deny',
    reason: 'geen-regel',
  },
  {
    name: 'an unknown category is refused',
    request: { categorieen: ['schoenmaat'] },
    effect: 'deny',
    reason: 'onbekende-categorie',
  },
  {
    name: 'an unknown purpose is refused',
    request: { doel: 'nieuwsgierigheid' },
    effect: 'deny',
    reason: 'onbekend-doel',
  },
];

describe('decide(), rule form by rule form', () => {
  for (const row of table) {
    it(row.name, () => {
      const c = one(row.request);
      assert.equal(c.effect, row.effect, JSON.stringify(c));
      assert.equal(c.reason, row.reason, JSON.stringify(c));
      if (row.rule)
        assert.ok(
          c.matchedRules.includes(row.rule) || c.denyingRule === row.rule,
          `${row.rule} not named: ${JSON.stringify(c)}`,
        );
    });
  }

  it('masks only what every granting rule masks (one unmasked grant is enough to see a field)', () => {
    assert.deepEqual(one({ categorieen: ['naam'] }).maskering, ['bsn']);
    assert.deepEqual(one({ partner: p('ggz'), categorieen: ['naam'] }).maskering, ['bsn', 'telefoon']);
  });

  it('takes the shortest retention of the granting rules', () => {
    assert.deepEqual(one({ categorieen: ['naam'] }).bewaartermijn, { duur: 'P6M', vanaf: 'ontvangst' });
  });

  it('answers per category and sums up: permit, gedeeltelijk or deny', () => {
    assert.equal(decide(covenant, ask({ categorieen: ['naam', 'adres'] })).result, 'permit');
    const partial = decide(covenant, ask({ categorieen: ['naam', 'zorg'] }));
    assert.equal(partial.result, 'gedeeltelijk');
    assert.deepEqual(
      partial.perCategory.map((c) => c.effect),
      ['permit', 'deny'],
    );
    assert.equal(decide(covenant, ask({ categorieen: ['zorg', 'strafrecht'] })).result, 'deny');
  });

  it('names the covenant version and collects obligations', () => {
    const d = decide(covenant, ask({ categorieen: ['naam'] }));
    assert.equal(d.covenantVersion, 'mini@1');
    assert.deepEqual(d.obligations, { maskering: { naam: ['bsn'] }, alleenAggregaat: false });
    assert.ok(
      decide(covenant, ask({ doel: 'analyse', deelnemer: false })).obligations.alleenAggregaat,
      'analyse yields aggregates only (obligations.alleenAggregaat)',
    );
  });

  it('names the denying rule at the top level when a deny rule decided', () => {
    assert.equal(decide(covenant, ask({ partner: p('woningcorporatie') })).denyingRule, 'nooit-naar-woning');
  });
});
