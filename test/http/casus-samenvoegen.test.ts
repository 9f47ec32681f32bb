import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let eerste: string;
let tweede: string;
let persoonA: string;
let persoonB: string;

async function refer(who: string, achternaam: string): Promise<{ casus: string; betrokkene: string }> {
  const res = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as[who]!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Zorgen',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', achternaam, geboortedatum: '1980-03-03' }],
    })
    .expect(201);
  return { casus: res.body.casus, betrokkene: res.body.betrokkenen[0].betrokkene };
}

describe('merging and splitting casussen', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['regie', 'zvh-demo', 'procesregisseur'],
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
    ({ casus: eerste, betrokkene: persoonA } = await refer('politie', 'Samen'));
    ({ casus: tweede, betrokkene: persoonB } = await refer('gemeente', 'Voegen'));
    await request(t.app)
      .post(`/api/v1/casussen/${eerste}/informatie`)
      .set(as.politie!)
      .send({
        doel: 'casusoverleg',
        items: [{ categorie: 'wonen', betrokkene: persoonA, inhoud: 'MARKER-A', grondslag: 'avg-6-1-e-gemeente' }],
      })
      .expect(201);
  });

  it('merges the first casus into the second: persons, items and participants move, the old id points on', async () => {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${eerste}/samenvoeging`)
      .set(as.regie!)
      .send({ in: tweede, reden: 'Zelfde gezin' });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.betrokkenen, [persoonA]);
    const pulled = await request(t.app).get(`/api/v1/casussen/${tweede}/informatie?doel=casusoverleg`).set(as.politie!);
    assert.equal(pulled.status, 200, 'the referrer of the old casus takes part in the survivor');
    assert.match(pulled.text, /MARKER-A/);
    assertProblem(
      await request(t.app).get(`/api/v1/casussen/${eerste}?doel=casusoverleg`).set(as.politie!),
      404,
      'not-found',
    );
    const old = await request(t.app).get(`/api/v1/casussen/${eerste}/levensloop`).set(as.regie!).expect(200);
    assert.equal(old.body.samengevoegdIn, tweede);
    const step = await request(t.app)
      .post(`/api/v1/casussen/${eerste}/overgangen`)
      .set(as.regie!)
      .send({ naar: 'triage', reden: 'x' });
    assertProblem(step, 409, 'conflict');
    assert.match(step.body.detail, new RegExp(`samengevoegd in ${tweede}`));
  });

  it('splits a person off into a new casus with their items, sharing the participants', async () => {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${tweede}/splitsing`)
      .set(as.regie!)
      .send({ betrokkenen: [persoonA], reden: 'Eigen problematiek' });
    assert.equal(res.status, 201, res.text);
    const nieuw = res.body.nieuweCasus;
    const items = await request(t.app).get(`/api/v1/casussen/${nieuw}/informatie?doel=casusoverleg`).set(as.gemeente!);
    assert.equal(items.status, 200, items.text);
    assert.match(items.text, /MARKER-A/);
    const rest = await request(t.app).get(`/api/v1/casussen/${tweede}/informatie?doel=casusoverleg`).set(as.gemeente!);
    assert.doesNotMatch(rest.text, /MARKER-A/, 'the item went with its person');
    const links = await t.db.store.casussen.betrokkenenOf(tweede);
    assert.deepEqual(
      links.map((l) => l.betrokkeneId),
      [persoonB],
    );
  });

  it('refuses to leave a casus without persons, to merge a casus into itself, or an unknown person', async () => {
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casussen/${tweede}/splitsing`)
        .set(as.regie!)
        .send({ betrokkenen: [persoonB], reden: 'x' }),
      409,
      'conflict',
    );
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casussen/${tweede}/samenvoeging`)
        .set(as.regie!)
        .send({ in: tweede, reden: 'x' }),
      409,
      'conflict',
    );
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casussen/${tweede}/splitsing`)
        .set(as.regie!)
        .send({ betrokkenen: [persoonA], reden: 'x' }),
      400,
      'invalid-request',
    );
  });

  it('is for the procesregisseur: 403 for a partner employee, 401 without a token, 404 for an unknown casus', async () => {
    const body = { in: tweede, reden: 'x' };
    const path = (id: string) => `/api/v1/casussen/${id}/samenvoeging`;
    assertProblem(await request(t.app).post(path(tweede)).set(as.politie!).send(body), 403, 'forbidden');
    assertProblem(await request(t.app).post(path(tweede)).send(body), 401, 'unauthenticated');
    assertProblem(
      await request(t.app).post(path('00000000-0000-4000-8000-000000000000')).set(as.regie!).send(body),
      404,
      'not-found',
    );
  });
});
