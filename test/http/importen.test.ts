import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp({ env: { KNOOPPUNT_IMPORT_LIMIT_BYTES: '4096' } });
const as = {} as Record<'gemeente' | 'politie', Record<string, string>>;
const header =
  'Dossiernummer;BSN;Voornamen;Tussenvoegsel;Achternaam;Geboortedatum;Postcode;Relatie tot hoofdpersoon;Reden melding;Leefgebieden;Signalen';

interface Taak {
  id: string;
  status: string;
  rijen: number;
  verwerkt: number;
  aangemaakt: number;
  geweigerd: number;
}

async function upload(csv: string): Promise<{ location: string; taak: Taak }> {
  const res = await request(t.app)
    .post('/api/v1/importen')
    .query({ profiel: 'gemeente-demo' })
    .set(as.gemeente)
    .set('Content-Type', 'text/csv')
    .send(csv);
  assert.equal(res.status, 202, res.text);
  return { location: res.headers.location!, taak: res.body };
}

/** Polls the task until it is no longer running (the job runs in-process after the upload). */
async function finished(location: string): Promise<Taak> {
  for (let i = 0; i < 200; i++) {
    const res = await request(t.app).get(location).set(as.gemeente);
    assert.equal(res.status, 200, res.text);
    if (res.body.status === 'klaar' || res.body.status === 'mislukt') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

describe('POST /api/v1/importen', () => {
  let location = '';
  before(async () => {
    as.gemeente = await t.tokenHeaders('gemeente-demo', 'medewerker');
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const csv = [
      header,
      `D1;${testBsn(901)};Els;;MARKER-Bos;01-02-1960;1234 AB;;Eenzaamheid;emotioneel-welzijn;`,
      'D2;;Jan;;Mol;31-02-1970;;;Schulden;inkomen-en-omgaan-met-geld;',
      'D3;;Ria;;Wit;02-02-1962;;;Zorg;emotioneel-welzijn;',
      'D3;;Tom;;Wit;03-03-1992;;kind;;',
      'D4;;Kees;;Berg;01-01-1990;;;Iets;huisvesting-en-wonen;',
    ].join('\n');
    location = (await upload(csv)).location;
  });

  it('imports every good household and reports each casus id and the bad line with its reason', async () => {
    const taak = await finished(location);
    assert.equal(taak.status, 'klaar');
    assert.equal(taak.rijen, 5);
    assert.equal(taak.aangemaakt, 2, 'D1 and D4 went in');
    const res = await request(t.app).get(`${location}/rapport`).set(as.gemeente);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.casussen.map((c: { dossier: string }) => c.dossier),
      ['D1', 'D4'],
      'every created casus is in the report',
    );
    for (const c of res.body.casussen)
      await request(t.app).get(`/api/v1/casussen/${c.casus}`).query({ doel: 'triage' }).set(as.gemeente).expect(200);
    const d2 = res.body.geweigerd.find((g: { dossier: string }) => g.dossier === 'D2');
    assert.deepEqual(d2, { rij: 3, dossier: 'D2', reden: 'datum "31-02-1970" bestaat niet' });
  });

  it('does not half-import a household whose second row is bad', async () => {
    const res = await request(t.app).get(`${location}/rapport`).set(as.gemeente);
    const d3 = res.body.geweigerd.filter((g: { dossier: string }) => g.dossier === 'D3');
    assert.deepEqual(
      d3.map((g: { rij: number }) => g.rij),
      [4, 5],
      'both rows of D3 are rejected',
    );
    assert.match(d3[1].reden, /rij 5: het aantal kolommen klopt niet/, d3[1].reden);
    assert.ok(!res.body.casussen.some((c: { dossier: string }) => c.dossier === 'D3'), 'D3 has no casus');
    const lijst = await request(t.app).get('/api/v1/casussen').query({ pageSize: 50 }).set(as.gemeente);
    assert.equal(lijst.body._embedded.casussen.length, 2, 'only the two good households are casussen');
  });

  it('imports nothing twice when the same file comes again', async () => {
    const again = await upload(
      [header, `D1;${testBsn(901)};Els;;MARKER-Bos;01-02-1960;1234 AB;;Eenzaamheid;emotioneel-welzijn;`].join('\n'),
    );
    const taak = await finished(again.location);
    assert.equal(taak.aangemaakt, 0);
    const res = await request(t.app).get(`${again.location}/rapport`).set(as.gemeente);
    assert.equal(res.body.casussen[0].eerder, true, 'the earlier casus is named as such');
  });

  it('answers another partner 404 for the import and its report, and shows no personal data in the status', async () => {
    assertProblem(await request(t.app).get(location).set(as.politie), 404, 'not-found');
    assertProblem(await request(t.app).get(`${location}/rapport`).set(as.politie), 404, 'not-found');
    const status = await request(t.app).get(location).set(as.gemeente);
    assert.doesNotMatch(status.text, /MARKER|Mol|Wit/);
  });

  it('refuses a JSON upload for a profile that reads CSV (415)', async () => {
    assertProblem(
      await request(t.app)
        .post('/api/v1/importen')
        .query({ profiel: 'gemeente-demo' })
        .set(as.gemeente)
        .send([{ Dossiernummer: 'J1', Achternaam: 'Vos', Geboortedatum: '05-05-1955' }]),
      415,
      'unsupported-media-type',
    );
  });

  it('refuses a file over the upload limit with 413 and an unknown or foreign profile with 400', async () => {
    const big = [
      header,
      ...Array.from({ length: 200 }, (_, i) => `X${i};;Aa;;Bb;01-01-1990;;;Reden;druggebruik;`),
    ].join('\n');
    assertProblem(
      await request(t.app)
        .post('/api/v1/importen')
        .query({ profiel: 'gemeente-demo' })
        .set(as.gemeente)
        .set('Content-Type', 'text/csv')
        .send(big),
      413,
      'payload-too-large',
    );
    for (const profiel of ['bestaat-niet', 'politie-demo'])
      assertProblem(
        await request(t.app)
          .post('/api/v1/importen')
          .query({ profiel })
          .set(as.gemeente)
          .set('Content-Type', 'text/csv')
          .send(header),
        400,
        'invalid-request',
      );
    assertProblem(
      await request(t.app)
        .post('/api/v1/importen')
        .query({ profiel: 'gemeente-demo' })
        .set(as.politie)
        .set('Content-Type', 'text/csv')
        .send(header),
      400,
      'invalid-request',
    );
  });
});
