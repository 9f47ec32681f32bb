import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { useTestApp } from '../support/test-app.js';

// The "replica" is a second connection to the same database that counts its reads.
const t = useTestApp({ replica: true });
const as = {} as Record<'politie' | 'fg', Record<string, string>>;
let casus: string;

describe('review queries on the read replica', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.fg = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'replica',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'p', achternaam: 'Replica', geboortedatum: '1970-07-07' }],
      })
      .expect(201);
    casus = a.body.casus;
  });

  it('never reads the replica for a disclosure: the pull decides and logs on the primary', async () => {
    const before = t.reviewReads();
    await request(t.app).get(`/api/v1/casussen/${casus}?doel=triage`).set(as.politie).expect(200);
    await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=triage`).set(as.politie).expect(200);
    assert.equal(t.reviewReads(), before, 'no replica read while disclosing');
  });

  it('sends the log search, the export, the signals and the aggregates to the replica', async () => {
    let reads = t.reviewReads();
    const routed = async (what: string, call: () => Promise<unknown>) => {
      await call();
      assert.ok(t.reviewReads() > reads, `${what} reads the replica`);
      reads = t.reviewReads();
    };
    await routed('the search', () =>
      request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').set(as.fg).send({ casus }).expect(200),
    );
    await routed('the export', () =>
      request(t.app).get(`/api/v1/verstrekkingslog/export?formaat=json&casus=${casus}`).set(as.fg).expect(200),
    );
    await routed('the signals', () => request(t.app).get('/api/v1/verstrekkingslog/signalen').set(as.fg).expect(200));
    const beleid = await t.tokenHeaders('gemeente-demo', 'beleidsmedewerker');
    await routed('the aggregates of the signaalfunctie', () =>
      request(t.app)
        .get('/api/v1/signaalfunctie')
        .query({ van: '2026-10-01', tot: '2026-12-31', indeling: 'leefgebied' })
        .set(beleid)
        .expect(200),
    );
  });
});
