import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CovenantInvalid } from '../../../policies/covenant/covenant-error.js';
import { parseCovenant } from '../../../policies/covenant/parse-covenant.js';
import { loadCovenantText } from '../../../policies/covenant/load-covenant-text.js';

const example = readFileSync(new URL('../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url), 'utf8');

function issuesOf(text: string) {
  try {
    parseCovenant(text, 'test.yaml');
  } catch (err) {
    if (err instanceof CovenantInvalid) return err.issues;
    throw err;
  }
  assert.fail('expected the covenant to be refused');
}

/** The example with one line changed: the line number of the change is known. */
function withLine(find: string, replace: string): { text: string; line: number } {
  const lines = example.split('\n');
  const line = lines.findIndex((l) => l.includes(find));
  assert.ok(line >= 0, find);
  lines[line] = lines[line]!.replace(find, replace);
  return { text: lines.join('\n'), line: line + 1 };
}

describe('parseCovenant', () => {
  it('reads the shipped example covenant', () => {
    const doc = parseCovenant(example, 'zvh-demo-2026.1.yaml');
    assert.equal(doc.convenant.id, 'zvh-demo');
    assert.equal(doc.convenant.ondertekenaars.length, 12);
  });

  it('names file, line and field of an unknown field', () => {
    const changed = withLine('  - id: niets-voor-handhaving', '  - id: niets-voor-handhaving\n    effekt: deny');
    const issues = issuesOf(changed.text);
    assert.ok(
      issues.some((i) => i.file === 'test.yaml' && i.field.endsWith('effekt') && i.line === changed.line + 1),
      JSON.stringify(issues),
    );
  });

  it('names the line of an unknown category in a rule', () => {
    const { text, line } = withLine('categorieen: [politiegegevens]', 'categorieen: [politiegegevns]');
    const issues = issuesOf(text);
    assert.ok(
      issues.some(
        (i) => i.line === line && /regels\[\d+\]\.categorieen\[0\]/.test(i.field) && /politiegegevns/.test(i.message),
      ),
      JSON.stringify(issues),
    );
  });

  it('names the line of an unknown legal basis, purpose or parent', () => {
    for (const [find, replace] of [
      ['grondslag: wpg-art-20\n', 'grondslag: wpg-art-99\n'],
      ['toegestaneDoelen: [casusoverleg]', 'toegestaneDoelen: [kletsen]'],
      ['ouder: persoonsgegevens, omschrijving: "Naam', 'ouder: personen, omschrijving: "Naam'],
    ] as const) {
      const { text, line } = withLine(find.trimEnd(), replace.trimEnd());
      const issues = issuesOf(text);
      assert.ok(
        issues.some((i) => i.line === line),
        `${replace}: ${JSON.stringify(issues)}`,
      );
    }
  });

  it('refuses a wrong value with the field named: effect, duration, date', () => {
    for (const [find, replace, field] of [
      ['effect: permit', 'effect: maybe', 'effect'],
      ['duur: P2Y', 'duur: twee jaar', 'bewaartermijn.duur'],
      ['geldigVanaf: "2026-01-01"', 'geldigVanaf: "1 januari"', 'convenant.geldigVanaf'],
    ] as const) {
      const issues = issuesOf(withLine(find, replace).text);
      assert.ok(
        issues.some((i) => i.field.endsWith(field)),
        `${field}: ${JSON.stringify(issues)}`,
      );
    }
  });

  it('reports a YAML syntax error with its line', () => {
    const issues = issuesOf('convenant:\n  id: x\n  titel: [niet gesloten\n');
    assert.equal(issues[0]!.field, '(yaml)');
    assert.ok(issues[0]!.line !== undefined, 'the issue names a line number');
  });

  it('refuses duplicate rule ids and cycles in the category tree', () => {
    const dup = withLine('  - id: dji-levert-detentie', '  - id: reclassering-levert-toezicht');
    assert.ok(
      issuesOf(dup.text).some((i) => /twee keer/.test(i.message)),
      'an issue about a key defined twice (twee keer)',
    );
    const cycle = withLine(
      '{ key: persoonsgegevens, omschrijving',
      '{ key: persoonsgegevens, ouder: identificatie, omschrijving',
    );
    assert.ok(
      issuesOf(cycle.text).some((i) => /kringverwijzing/.test(i.message)),
      'an issue about a cycle (kringverwijzing)',
    );
  });

  it('refuses a permit without legal basis, and a deny with allowed purposes', () => {
    const noBasis = example.replace(
      '    grondslag: avg-6-1-e-gemeente\n    voorwaarden: { deelnemer: false }\n    bewaartermijn: { duur: P5Y',
      '    voorwaarden: { deelnemer: false }\n    bewaartermijn: { duur: P5Y',
    );
    assert.ok(
      issuesOf(noBasis).some((i) => /grondslag/.test(i.message)),
      'an issue about the missing grondslag',
    );
    const denyWithAllowed = example.replace(
      '  - id: geen-bsn-naar-woningcorporatie\n',
      '  - id: geen-bsn-naar-woningcorporatie\n    toegestaneDoelen: [triage]\n',
    );
    assert.ok(
      issuesOf(denyWithAllowed).some((i) => /deny-regel/.test(i.message)),
      'an issue about a deny-regel with allowed purposes',
    );
  });
});

describe('loadCovenantText (parse + lint)', () => {
  it('refuses a special category granted under a basis that does not cover it, naming the rule', () => {
    const text = example.replace(
      /( {2}- id: gezondheid-naar-zorgpartners[\s\S]*?grondslag: )uavg-art-30-zorg/,
      '$1avg-6-1-e-gemeente',
    );
    assert.throws(
      () => loadCovenantText(text, 'x.yaml'),
      (e: unknown) =>
        e instanceof CovenantInvalid &&
        e.issues.some((i) => /gezondheid-naar-zorgpartners/.test(i.field) && /art9/.test(i.message)),
    );
  });

  it('refuses a permit that a deny rule always overrules', () => {
    const text = example.replace(
      '  - id: niets-voor-handhaving',
      `  - id: nooit-iets
    omschrijving: x
    effect: deny
    actie: verstrekken
    leverancier: "*"
    ontvanger: "*"
    categorieen: [casusgegevens, leefgebieden]
  - id: niets-voor-handhaving`,
    );
    assert.throws(
      () => loadCovenantText(text, 'x.yaml'),
      (e: unknown) =>
        e instanceof CovenantInvalid &&
        e.issues.some((i) => /signaalfunctie-voor-gemeente/.test(i.field) && /nooit-iets/.test(i.message)),
    );
  });

  it('accepts the shipped example without errors', () => {
    const { covenant, warnings } = loadCovenantText(example, 'zvh-demo-2026.1.yaml');
    assert.equal(covenant.label, 'zvh-demo@2026.1');
    assert.ok(Array.isArray(warnings), 'warnings is an array');
  });
});
