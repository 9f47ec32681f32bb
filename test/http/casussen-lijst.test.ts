import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as = {} as Record<'politie' | 'gemeente' | 'ggz' | 'woning' | 'regisseur', Record<string, string>>;
const mine: string[] = [];
let gemeentes = '';

type Lijst = { _embedded: { casussen: { id: string; status: string }[] }; _links: Record<string, { href: string }> };
const list = async (who: Record<string, string>, query: Record<string, string | number> = {}) => {
  const res = await request(t.app).get('/api/v1/casussen').query(query).set(who);
  assert.equal(res.status, 200, res.text);
  return res as request.Response & { body: Lijst };
};
const ids = (res: { body: Lijst }) => res.body._embedded.casussen.map((c) => c.id).sort();

async function refer(who: Record<string, string>, naam: string): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(who)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: `Overlast door ${naam}`,
      leefgebieden: ['druggebruik'],
      betrokkenen: [{ ref: 'p', voornamen: naam, achternaam: 'Lijstmans', geboortedatum: '1977-07-07' }],
    });
  assert.equal(res.status, 201, res.text);
  return res.body.casus;
}

describe('GET /api/v1/casussen', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.gemeente = await t.tokenHeaders('gemeente-demo', 'medewerker');
    as.ggz = await t.tokenHeaders('ggz-demo', 'medewerker');
    as.woning = await t.tokenHeaders('woningcorporatie-demo', 'medewerker');
    as.regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    for (const naam of ['Aart', 'Bert', 'Cor']) mine.push(await refer(as.politie, naam));
    gemeentes = await refer(as.gemeente, 'Dirk');
    await request(t.app)
      .post(`/api/v1/casussen/${mine[0]}/deelnemers`)
      .set(as.regisseur)
      .send({ partner: 'ggz-demo' })
      .expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${mine[1]}/triagebesluit`)
      .set(as.regisseur)
      .send({ uitkomst: 'procesregie', motivering: 'Meerdere leefgebieden' })
      .expect(201);
  });

  it('shows a partner only the casussen it takes part in, and the ZVH all', async () => {
    assert.deepEqual(ids(await list(as.politie)), [...mine].sort());
    assert.deepEqual(ids(await list(as.gemeente)), [gemeentes]);
    assert.deepEqual(ids(await list(as.ggz)), [mine[0]]);
    assert.deepEqual(ids(await list(as.woning)), []);
    assert.deepEqual(ids(await list(as.regisseur)), [...mine, gemeentes].sort());
  });

  it('carries no personal data: no names, reasons or leefgebieden', async () => {
    const res = await list(as.regisseur);
    assert.doesNotMatch(res.text, /Lijstmans|Aart|Overlast|druggebruik/);
    assert.deepEqual(Object.keys(res.body._embedded.casussen[0]!).sort(), [
      'aangemaaktOp',
      'afgeslotenOp',
      'fase',
      'gemeente',
      'gewijzigdOp',
      'id',
      'soort',
      'status',
    ]);
  });

  it('filters by status, partner, regisseur and sinds', async () => {
    assert.deepEqual(ids(await list(as.politie, { status: 'procesregie' })), [mine[1]]);
    assert.deepEqual(ids(await list(as.regisseur, { partner: 'ggz-demo' })), [mine[0]]);
    assert.deepEqual(ids(await list(as.gemeente, { partner: 'politie-demo' })), [], 'no more than its own casussen');
    assert.deepEqual(ids(await list(as.regisseur, { regisseur: 'procesregisseur-1' })), [mine[1]]);
    assert.deepEqual(ids(await list(as.regisseur, { regisseur: 'iemand-anders' })), []);
    assert.deepEqual(ids(await list(as.politie, { sinds: '2099-01-01T00:00:00Z' })), []);
    assert.deepEqual(ids(await list(as.politie, { sinds: '2000-01-01T00:00:00Z' })), [...mine].sort());
  });

  it('paginates with page and pageSize, HAL links and X-Total-Count', async () => {
    const first = await list(as.politie, { pageSize: 2 });
    assert.equal(first.body._embedded.casussen.length, 2);
    assert.equal(first.headers['x-total-count'], '3');
    assert.equal(first.headers['x-pagination-count'], '2');
    assert.equal(first.body._links.prev, undefined);
    assert.match(first.body._links.next!.href, /^\/api\/v1\/casussen\?pageSize=2&page=2$/);
    const second = await request(t.app).get(first.body._links.next!.href).set(as.politie).expect(200);
    assert.equal(second.body._embedded.casussen.length, 1);
    assert.equal(second.body._links.next, undefined);
    assert.ok(second.body._links.prev);
    assert.deepEqual(
      [...first.body._embedded.casussen, ...second.body._embedded.casussen].map((c: { id: string }) => c.id).sort(),
      [...mine].sort(),
    );
  });

  it('refuses a page size above 100 and an unknown filter (400), and a caller without identity (401)', async () => {
    assertProblem(await request(t.app).get('/api/v1/casussen?pageSize=1000').set(as.politie), 400, 'invalid-request');
    assertProblem(await request(t.app).get('/api/v1/casussen?naam=Aart').set(as.politie), 400, 'invalid-request');
    assertProblem(await request(t.app).get('/api/v1/casussen'), 401, 'unauthenticated');
  });
});
