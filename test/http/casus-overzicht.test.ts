import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let casus: string;
let ids: Record<string, string>;

describe("the regisseur's overview of a casus", () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['regie', 'zvh-demo', 'procesregisseur'],
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie!)
      .send({
        soort: 'systeem',
        gemeente: 'Demostad',
        reden: 'Zorgen om gezin',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [
          { ref: 'kind', achternaam: 'Overzicht', voornamen: 'Kim', geboortedatum: '2012-01-01' },
          { ref: 'moeder', achternaam: 'Overzicht', voornamen: 'Mia', geboortedatum: '1985-01-01' },
          { ref: 'oma', achternaam: 'Overzicht', voornamen: 'Olga', geboortedatum: '1955-01-01' },
        ],
        relaties: [
          { van: 'moeder', naar: 'kind', soort: 'ouder' },
          { van: 'oma', naar: 'kind', soort: 'grootouder' },
          { van: 'oma', naar: 'moeder', soort: 'huisgenoot' },
        ],
      });
    assert.equal(a.status, 201, a.text);
    casus = a.body.casus;
    ids = Object.fromEntries(a.body.betrokkenen.map((b: { ref: string; betrokkene: string }) => [b.ref, b.betrokkene]));
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(as.politie!)
      .send({
        doel: 'casusoverleg',
        items: [
          {
            categorie: 'wonen',
            leefgebied: 'huisvesting-en-wonen',
            betrokkene: ids.moeder,
            inhoud: 'MARKER-wonen',
            grondslag: 'avg-6-1-e-gemeente',
          },
        ],
      })
      .expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/triagebesluit`)
      .set(as.regie!)
      .send({ uitkomst: 'procesregie', motivering: 'Meerdere leefgebieden' })
      .expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/deelnemers`)
      .set(as.regie!)
      .send({ partner: 'gemeente-demo', reden: 'schuldhulp' })
      .expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/overgangen`)
      .set(as.regie!)
      .send({ naar: 'casusoverleg', reden: 'overleg' })
      .expect(201);
    const i = await request(t.app)
      .post(`/api/v1/casussen/${casus}/interventies`)
      .set(as.regie!)
      .send({
        eigenaar: 'gemeente-demo',
        leefgebied: 'inkomen-en-omgaan-met-geld',
        titel: 'Schuldhulp',
        deadline: '2030-01-01T00:00:00Z',
      })
      .expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/interventies/${i.body.id}/voortgang`)
      .set(as.gemeente!)
      .send({ status: 'lopend', toelichting: 'MARKER-voortgang' })
      .expect(201);
  });

  it('answers everything linked to the casus in one logged disclosure', async () => {
    const res = await request(t.app).get(`/api/v1/casussen/${casus}/overzicht`).set(as.regie!);
    assert.equal(res.status, 200, res.text);
    assert.ok(receiptOf(res).index >= 0, 'the answer carries its log receipt');
    assert.equal(res.body.doel, 'procesregie');
    assert.equal(res.body.status, 'casusoverleg');
    assert.equal(res.body.personen.betrokkenen.length, 3);
    assert.deepEqual(
      res.body.systeem.relaties.map((r: { soort: string }) => r.soort).sort(),
      ['grootouder', 'huisgenoot', 'ouder'],
      'the family system includes the grandmother, as grandparent and household member',
    );
    assert.equal(res.body.informatiePerLeefgebied['huisvesting-en-wonen'][0].inhoud, 'MARKER-wonen');
    assert.equal(res.body.plan.interventies[0].titel, 'Schuldhulp');
    assert.equal(res.body.plan.voortgang[0].toelichting, 'MARKER-voortgang');
    assert.deepEqual(
      res.body.geschiedenis.overgangen.map((o: { naar: string }) => o.naar),
      ['triage', 'procesregie', 'casusoverleg'],
    );
    assert.equal(res.body.geschiedenis.triageVersies[0].uitkomst, 'procesregie');
    assert.equal(res.body.geschiedenis.deelnames[0].partner, 'gemeente-demo');
  });

  it('is for the procesregisseur only: a partner employee gets 403, no token 401', async () => {
    assertProblem(await request(t.app).get(`/api/v1/casussen/${casus}/overzicht`).set(as.politie!), 403, 'forbidden');
    assertProblem(await request(t.app).get(`/api/v1/casussen/${casus}/overzicht`), 401, 'unauthenticated');
  });

  it('answers 404 for a casus that does not exist', async () => {
    assertProblem(
      await request(t.app).get('/api/v1/casussen/00000000-0000-4000-8000-000000000000/overzicht').set(as.regie!),
      404,
      'not-found',
    );
  });
});

describe('the casussen of a person and their household, by BSN', () => {
  let viaPolitie: string;
  let viaGemeente: string;
  before(async () => {
    const refer = async (who: string, kind: string) => {
      const res = await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(as[who]!)
        .send({
          soort: 'systeem',
          gemeente: 'Demostad',
          reden: 'Zorgen',
          leefgebieden: ['huisvesting-en-wonen'],
          betrokkenen: [
            {
              ref: 'moeder',
              bsn: testBsn(771),
              achternaam: 'Huishouden',
              voornamen: 'Hanna',
              geboortedatum: '1984-04-04',
            },
            { ref: 'kind', achternaam: 'Huishouden', voornamen: kind, geboortedatum: '2015-05-05' },
          ],
          relaties: [{ van: 'moeder', naar: 'kind', soort: 'ouder' }],
        });
      assert.equal(res.status, 201, res.text);
      return res.body.casus as string;
    };
    viaPolitie = await refer('politie', 'Kees');
    viaGemeente = await refer('gemeente', 'Lotte');
  });

  it('names both casussen and the household across them, logged before it is sent', async () => {
    const res = await request(t.app)
      .post('/api/v1/personen/casussen')
      .set(as.regie!)
      .send({ bsn: testBsn(771) });
    assert.equal(res.status, 200, res.text);
    assert.ok(receiptOf(res).index >= 0, 'the answer carries its log receipt');
    assert.deepEqual(res.body.casussen.map((c: { casus: string }) => c.casus).sort(), [viaPolitie, viaGemeente].sort());
    const names = res.body.huishouden.map(
      (p: { voornamen: string; casussen: string[] }) => `${p.voornamen}:${p.casussen.length}`,
    );
    assert.deepEqual(names.sort(), ['Hanna:2', 'Kees:1', 'Lotte:1']);
    assert.ok(!res.text.includes(testBsn(771)), 'the BSN does not come back');
  });

  it('answers empty lists for a BSN nobody knows', async () => {
    const res = await request(t.app)
      .post('/api/v1/personen/casussen')
      .set(as.regie!)
      .send({ bsn: testBsn(772) });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { casussen: [], huishouden: [] });
  });

  it('is for the procesregisseur: 403 for a partner employee, 401 without a token, 400 for a malformed BSN', async () => {
    const path = '/api/v1/personen/casussen';
    assertProblem(
      await request(t.app)
        .post(path)
        .set(as.politie!)
        .send({ bsn: testBsn(771) }),
      403,
      'forbidden',
    );
    assertProblem(
      await request(t.app)
        .post(path)
        .send({ bsn: testBsn(771) }),
      401,
      'unauthenticated',
    );
    assertProblem(await request(t.app).post(path).set(as.regie!).send({ bsn: '12' }), 400, 'invalid-request');
  });
});
