import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compileCovenant } from '../../../policies/covenant/compile-covenant.js';
import { loadCovenantText } from '../../../policies/covenant/load-covenant-text.js';
import { checkDescriptions } from '../../../policies/tools/check-descriptions.js';
import { miniDocument } from '../../fixtures/mini-covenant.js';

describe('covenant check: text that contradicts the rules', () => {
  it('flags a supply rule whose description names suppliers the rule does not let supply', () => {
    const doc = miniDocument();
    doc.regels.push({
      id: 'justitie-levert',
      omschrijving: 'OM, reclassering en DJI leveren justitiële gegevens',
      effect: 'permit',
      actie: 'aanleveren',
      leverancier: { soort: 'om' },
      categorieen: ['strafrecht'],
      toegestaneDoelen: ['overleg'],
      verbodenDoelen: [],
      grondslag: 'strafwet',
      voorwaarden: {},
      maskering: [],
    });
    const findings = checkDescriptions(compileCovenant(doc, 'x'));
    assert.deepEqual(
      findings.map((f) => f.field),
      [`regels[${doc.regels.length - 1}] (justitie-levert)`],
      'exactly the contradicting rule is flagged',
    );
    assert.match(findings[0]!.message, /reclassering, dji/, 'the message names the kinds the rule leaves out');
  });

  it('accepts a disclosure rule that names its source and its one recipient', () => {
    const doc = miniDocument();
    doc.regels.push({
      id: 'politie-naar-om',
      omschrijving: 'Gegevens van de politie gaan naar het OM',
      effect: 'permit',
      actie: 'verstrekken',
      leverancier: { soort: 'politie' },
      ontvanger: { soort: 'om' },
      categorieen: ['strafrecht'],
      toegestaneDoelen: ['overleg'],
      verbodenDoelen: [],
      grondslag: 'strafwet',
      voorwaarden: {},
      maskering: [],
    });
    assert.deepEqual(checkDescriptions(compileCovenant(doc, 'x')), [], 'source and recipient both match the rule');
  });

  it('flags a category that speaks of domestic violence but is neither special nor gevoelig', () => {
    const doc = miniDocument();
    doc.gegevenscategorieen.push({ key: 'hg', omschrijving: 'Meldingen huiselijk geweld', bijzonder: 'geen' });
    assert.deepEqual(
      checkDescriptions(compileCovenant(doc, 'x')).map((f) => f.field),
      ['gegevenscategorieen (hg)'],
      'the unmarked sensitive category is flagged',
    );
    doc.gegevenscategorieen.at(-1)!.gevoelig = true;
    assert.deepEqual(checkDescriptions(compileCovenant(doc, 'x')), [], 'marked gevoelig: no finding');
  });

  it('finds nothing in the example covenant: its text says what its rules do', () => {
    const text = readFileSync(new URL('../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url), 'utf8');
    const { covenant } = loadCovenantText(text, 'zvh-demo-2026.1.yaml');
    assert.deepEqual(checkDescriptions(covenant), [], 'no contradiction in the shipped example');
    assert.equal(
      covenant.categories.get('huiselijk-geweld')!.gevoelig,
      true,
      'domestic-violence reports are sensitive',
    );
    assert.equal(covenant.categories.get('kinderbescherming')!.gevoelig, true, 'child-protection data is sensitive');
  });
});
