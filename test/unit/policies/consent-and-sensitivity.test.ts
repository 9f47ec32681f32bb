import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileCovenant } from '../../../policies/covenant/compile-covenant.js';
import { decide } from '../../../policies/engine/decide.js';
import { explainCategory } from '../../../policies/engine/explain.js';
import { miniDocument } from '../../fixtures/mini-covenant.js';

function withConsentRule() {
  const doc = miniDocument([
    {
      id: 'sociaal-met-toestemming',
      omschrijving: 'x',
      effect: 'permit',
      actie: 'verstrekken',
      leverancier: '*',
      ontvanger: { soort: 'woningcorporatie' },
      categorieen: ['adres'],
      toegestaneDoelen: ['monitoring'],
      verbodenDoelen: [],
      grondslag: 'toestemming',
      voorwaarden: {},
      maskering: [],
    },
  ]);
  doc.grondslagen.push({ key: 'toestemming', avg: '6.1.a', dekt: [] });
  doc.regels = doc.regels.filter((r) => r.id !== 'nooit-naar-woning');
  return compileCovenant(doc, 'consent');
}

describe('rules that rest on consent', () => {
  const covenant = withConsentRule();
  const ask = (toestemming?: boolean) =>
    decide(covenant, {
      actie: 'verstrekken',
      partner: { id: 'woning-1', soort: 'woningcorporatie' },
      bron: { id: 'gemeente-1', soort: 'gemeente' },
      categorieen: ['adres'],
      doel: 'monitoring',
      deelnemer: true,
      toestemming,
    }).perCategory[0]!;

  it('marks a basis under AVG 6.1.a as consent-based', () => {
    assert.equal(covenant.grondslagen.get('toestemming')!.toestemming, true, '6.1.a is consent');
    assert.equal(covenant.grondslagen.get('publiek')!.toestemming, false, '6.1.e is not');
  });

  it('refuses without a recorded consent, naming the reason', () => {
    const d = ask(undefined);
    assert.equal(d.effect, 'deny', 'no consent recorded: refused');
    assert.equal(d.reason, 'geen-toestemming', `reason: ${JSON.stringify(d)}`);
    assert.match(explainCategory(covenant, d), /toestemming/, 'the explanation names consent');
  });

  it('permits once a consent reference is recorded', () => {
    const d = ask(true);
    assert.equal(d.effect, 'permit', `with consent: ${JSON.stringify(d)}`);
    assert.deepEqual(d.matchedRules, ['sociaal-met-toestemming'], 'granted by the consent rule');
  });
});

describe('sensitive categories and what a recipient hears of omissions', () => {
  it('marks special categories and those marked gevoelig (with their children) as encrypted at rest', () => {
    const doc = miniDocument();
    doc.gegevenscategorieen.push(
      { key: 'meldingen', omschrijving: 'meldingen huiselijk geweld', bijzonder: 'geen', gevoelig: true },
      { key: 'melding-detail', ouder: 'meldingen', omschrijving: 'detail', bijzonder: 'geen' },
    );
    const c = compileCovenant(doc, 'x');
    const gevoelig = (k: string) => c.categories.get(k)!.gevoelig;
    assert.equal(gevoelig('meldingen'), true, 'marked gevoelig');
    assert.equal(gevoelig('melding-detail'), true, 'inherits gevoelig from its parent');
    assert.equal(gevoelig('diagnose'), true, 'a child of an art9 category is sensitive');
    assert.equal(gevoelig('adres'), false, 'an ordinary category is not');
  });

  it('tells nothing of omissions unless the covenant says to', () => {
    assert.equal(compileCovenant(miniDocument(), 'x').weglatingen, 'verzwijgen', 'default: say nothing');
    const doc = miniDocument();
    doc.convenant.weglatingen = 'melden';
    assert.equal(compileCovenant(doc, 'x').weglatingen, 'melden', 'configured: say that something was left out');
  });
});
