import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const K = 3;
const t = useTestApp({ env: { KNOOPPUNT_SIGNAAL_K: String(K) } });
const as = {} as Record<'politie' | 'regisseur' | 'beleid' | 'privacy' | 'medewerker', Record<string, string>>;
const MARKER_GEMEENTE = 'MARKER-GEM-7788';

type Tabel = {
  kwartaal: string;
  rijen: string[];
  kolommen: string[];
  cellen: (number | null)[][];
  rijTotalen: (number | null)[];
};

async function refer(gemeente: string, n: number, procesregie: boolean): Promise<void> {
  const res = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie)
    .send({
      soort: 'persoon',
      gemeente,
      reden: `MARKER-REDEN-${n}`,
      leefgebieden: ['druggebruik'],
      betrokkenen: [
        { ref: 'p', voornamen: `MARKER-NAAM-${n}`, achternaam: 'Signaalmans', geboortedatum: '1980-01-01' },
      ],
    });
  assert.equal(res.status, 201, res.text);
  if (procesregie)
    await request(t.app)
      .post(`/api/v1/casussen/${res.body.casus}/triagebesluit`)
      .set(as.regisseur)
      .send({ uitkomst: 'procesregie', motivering: 'Meerdere leefgebieden' })
      .expect(201);
}

const quarter = () => {
  const now = t.clock.now();
  const q = Math.floor(now.getUTCMonth() / 3);
  const first = new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0));
  const previous = new Date(Date.UTC(now.getUTCFullYear(), q * 3 - 3, 1));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { van: day(first), tot: day(last), eerder: day(previous) };
};

async function ask(query: Record<string, string>, who = as.beleid): Promise<Tabel[]> {
  const res = await request(t.app).get('/api/v1/signaalfunctie').query(query).set(who);
  assert.equal(res.status, 200, res.text);
  return res.body.kwartalen;
}

describe('GET /api/v1/signaalfunctie', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    as.beleid = await t.tokenHeaders('gemeente-demo', 'beleidsmedewerker');
    as.privacy = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    as.medewerker = await t.tokenHeaders('gemeente-demo', 'medewerker');
    // Alfadorp: 1 procesregie (the small cell), 4 without decision; Betastad: 3 and 3; one casus elsewhere.
    let n = 0;
    for (const p of [true, false, false, false, false]) await refer('Alfadorp', n++, p);
    for (const p of [true, true, true, false, false, false]) await refer('Betastad', n++, p);
    await refer(MARKER_GEMEENTE, n++, false);
  });

  it('counts casussen per triage outcome and gemeente and publishes no count under k', async () => {
    const { van, tot } = quarter();
    const [tabel] = await ask({ van, tot, indeling: 'triage-uitkomst' });
    assert.ok(tabel, 'one table for the one quarter');
    assert.deepEqual(tabel.kolommen, ['Alfadorp', 'Betastad'], 'a gemeente with fewer than k casussen is not named');
    for (const v of [...tabel.cellen.flat(), ...tabel.rijTotalen])
      assert.ok(v === null || v >= K, `published ${v} is at least ${K}`);
    const r = tabel.rijen.indexOf('procesregie');
    assert.equal(tabel.cellen[r]![0], null, 'the single procesregie casus of Alfadorp is suppressed');
  });

  it('does not let an attacker recover the suppressed cell from totals, other tables, areas or periods', async () => {
    const { van, tot, eerder } = quarter();
    const [tabel] = await ask({ van, tot, indeling: 'triage-uitkomst' });
    const r = tabel!.rijen.indexOf('procesregie');
    const row = tabel!.cellen[r]!;
    // 1. The row total minus the published cells of the row.
    if (tabel!.rijTotalen[r] !== null)
      assert.notEqual(row.filter((v) => v === null).length, 1, 'the row hides more than one cell');
    // 2. Alfadorp's number of casussen, published by another indeling, minus the column's published cells.
    const [her] = await ask({ van, tot, indeling: 'heraanmelding' });
    const alfaTotal = her!.cellen.reduce((a, rij) => a + (rij[0] ?? 0), 0);
    const column = tabel!.cellen.map((rij) => rij[0]);
    const hiddenInColumn = column.filter((v) => v === null).length;
    if (hiddenInColumn === 1)
      assert.notEqual(alfaTotal - column.reduce<number>((a, v) => a + (v ?? 0), 0), 1, 'the column gives it away');
    assert.notEqual(hiddenInColumn, 1, 'the column hides more than one cell');
    // 3. The region minus one gemeente: asking per gemeente gives the very same cells.
    const [beta] = await ask({ van, tot, indeling: 'triage-uitkomst', gemeente: 'Betastad' });
    const [alfa] = await ask({ van, tot, indeling: 'triage-uitkomst', gemeente: 'Alfadorp' });
    assert.deepEqual(
      beta!.cellen.map((rij) => rij[0]),
      tabel!.cellen.map((rij) => rij[1]),
      'Betastad alone shows what the region table shows',
    );
    assert.deepEqual(
      alfa!.cellen.map((rij) => rij[0]),
      column,
      'Alfadorp alone shows what the region table shows',
    );
    assert.deepEqual(alfa!.rijTotalen, tabel!.rijTotalen, 'the region totals are the same in every answer');
    // 4. Two overlapping periods: the quarter alone and with the quarter before give the same table.
    const twee = await ask({ van: eerder, tot, indeling: 'triage-uitkomst' });
    assert.equal(twee.length, 2, 'one table per quarter, never a sum over the range');
    assert.deepEqual(twee[1], tabel, 'the overlapping quarter is the same table, so a difference is zero');
  });

  it('answers CSV on Accept: text/csv without any name, reason or small gemeente', async () => {
    const { van, tot } = quarter();
    const res = await request(t.app)
      .get('/api/v1/signaalfunctie')
      .query({ van, tot, indeling: 'leefgebied' })
      .set(as.beleid)
      .set('Accept', 'text/csv');
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers['content-type'] ?? '', /text\/csv/);
    assert.match(res.text, /^kwartaal;leefgebied;gemeente;aantal/);
    assert.match(res.text, /;druggebruik;Betastad;6/, 'a cell of at least k is published');
    for (const marker of ['MARKER-NAAM', 'MARKER-REDEN', MARKER_GEMEENTE, 'Signaalmans'])
      assert.doesNotMatch(res.text, new RegExp(marker), `${marker} does not appear`);
  });

  it('refuses a period that does not align with quarters (400 naming the parameter)', async () => {
    const res = await request(t.app)
      .get('/api/v1/signaalfunctie')
      .query({ van: '2026-02-01', tot: '2026-03-31', indeling: 'duur' })
      .set(as.beleid);
    assertProblem(res, 400, 'invalid-request');
    assert.equal(res.body.invalidParams?.[0]?.name, 'van', res.text);
  });

  it('is for beleidsmedewerkers only: other roles get 403, no token 401', async () => {
    const { van, tot } = quarter();
    for (const who of [as.privacy, as.medewerker, as.regisseur])
      assertProblem(
        await request(t.app).get('/api/v1/signaalfunctie').query({ van, tot, indeling: 'duur' }).set(who),
        403,
        'forbidden',
      );
    const res = await request(t.app)
      .get('/api/v1/signaalfunctie')
      .query({ van, tot, indeling: 'duur' })
      .set(t.asPartner('gemeente-demo'));
    assert.ok([401, 403].includes(res.status), `without a token naming a beleidsmedewerker: ${res.status}`);
  });
});
