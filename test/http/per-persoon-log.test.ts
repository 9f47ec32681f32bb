import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import request from 'supertest';
import { ontvangersVan } from '../../gateway/rechten/uitvoering/ontvangers-van.js';
import { testBsn } from '../support/bsn.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

/**
 * A ledger entry names exactly the persons whose data left in the answer, with a per-person record of
 * categories, items and masked field names — never a value.
 */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let bsnSeq = 200;

/** A household casus referred by the police, with the municipality and GGZ taking part. */
async function household(n: number): Promise<{ casus: string; persons: string[] }> {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: n === 1 ? 'persoon' : 'systeem',
      gemeente: 'Demostad',
      reden: 'Zorgen om het gezin',
      leefgebieden: ['huisvesting-en-wonen', 'druggebruik'],
      betrokkenen: Array.from({ length: n }, (_, i) => ({
        ref: `p${i}`,
        bsn: testBsn(bsnSeq++),
        voornamen: `Persoon${i}`,
        achternaam: 'Huisgenoot',
        geboortedatum: `198${i}-01-01`,
      })),
    })
    .expect(201);
  for (const partner of ['gemeente-demo', 'ggz-demo'])
    await request(t.app)
      .post(`/api/v1/casussen/${a.body.casus}/deelnemers`)
      .set(as.regie!)
      .send({ partner })
      .expect(201);
  await request(t.app)
    .post(`/api/v1/casussen/${a.body.casus}/triagebesluit`)
    .set(as.regie!)
    .send({ uitkomst: 'procesregie', motivering: 'meerdere ketens' })
    .expect(201);
  return { casus: a.body.casus, persons: a.body.betrokkenen.map((b: { betrokkene: string }) => b.betrokkene) };
}

const add = (who: string, casus: string, items: Record<string, unknown>[]) =>
  request(t.app).post(`/api/v1/casussen/${casus}/informatie`).set(as[who]!).send({ doel: 'casusoverleg', items });

async function entryOf(res: request.Response) {
  const { index } = receiptOf(res);
  const [entry] = await t.ledger.entries(index, index + 1);
  return JSON.parse(entry!.body);
}

describe('per-person references in the disclosure log', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
      ['ggz', 'ggz-demo', 'medewerker'],
      ['regie', 'zvh-demo', 'procesregisseur'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
  });

  it('names only the person whose item left, not the whole household', async () => {
    const { casus, persons } = await household(2);
    await add('gemeente', casus, [
      {
        categorie: 'wonen',
        betrokkene: persons[0],
        inhoud: 'Huurachterstand MARKER-A',
        grondslag: 'avg-6-1-e-gemeente',
      },
    ]).expect(201);
    const res = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!);
    assert.equal(res.status, 200, res.text);
    const entry = await entryOf(res);
    const ref = t.dataProtection.subjectRef(persons[0]!);
    assert.deepEqual(entry.subjectRefs, [ref], 'only the first person is named');
    assert.equal(entry.details.perPersoon.length, 1);
    assert.equal(entry.details.perPersoon[0].ref, ref);
    assert.deepEqual(entry.details.perPersoon[0].categorieen, ['wonen']);
    assert.equal(entry.details.perPersoon[0].items.length, 1);
    assert.ok(!JSON.stringify(entry).includes('MARKER-A'), 'the log holds no content');
  });

  it('records a masked disclosure as masked: the field names, never their values', async () => {
    const { casus, persons } = await household(2);
    await add('politie', casus, [
      { categorie: 'politiegegevens', betrokkene: persons[1], inhoud: 'Aangifte MARKER-B', grondslag: 'wpg-art-20' },
    ]).expect(201);
    const res = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.gemeente!);
    assert.equal(res.status, 200, res.text);
    assert.ok(!res.text.includes('MARKER-B'), 'the municipality gets the police item masked');
    const entry = await entryOf(res);
    assert.deepEqual(entry.subjectRefs, [t.dataProtection.subjectRef(persons[1]!)]);
    assert.deepEqual(entry.details.perPersoon[0].gemaskeerd, ['politiegegevens.inhoud']);
    assert.ok(!JSON.stringify(entry).includes('MARKER-B'));
  });

  it('ontvangersVan lists, per logged disclosure, who received what about the person', async () => {
    const { casus, persons } = await household(2);
    await add('gemeente', casus, [
      { categorie: 'wonen', betrokkene: persons[0], inhoud: 'x', grondslag: 'avg-6-1-e-gemeente' },
    ]).expect(201);
    const res = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!);
    const deps = { dp: t.dataProtection, store: t.db.store, ledger: t.ledger };
    const first = (await ontvangersVan(deps, [persons[0]!])).filter((o) => o.casus === casus);
    assert.deepEqual(
      first.map((o) => [o.index, o.ontvanger, o.categorieen]),
      [[receiptOf(res).index, 'ggz-demo', ['wonen']]],
    );
    const second = (await ontvangersVan(deps, [persons[1]!])).filter((o) => o.casus === casus);
    assert.deepEqual(second, [], 'nothing of the second person left');
  });

  it('names exactly the persons whose items were in the body, for any household (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.record({ owner: fc.nat(2), casusWide: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        async (n, items) => {
          const { casus, persons } = await household(n);
          await add(
            'gemeente',
            casus,
            items.map((i) => ({
              categorie: 'wonen',
              ...(i.casusWide ? {} : { betrokkene: persons[i.owner % n] }),
              inhoud: 'x',
              grondslag: 'avg-6-1-e-gemeente',
            })),
          ).expect(201);
          const res = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!);
          const body = res.body.items as { betrokkene?: string }[];
          // A casus-wide item is about every person of the casus.
          const owners = new Set(body.flatMap((i) => (i.betrokkene ? [i.betrokkene] : persons)));
          const entry = await entryOf(res);
          const want = [...owners].map((p) => t.dataProtection.subjectRef(p)).sort();
          assert.deepEqual([...entry.subjectRefs].sort(), want);
        },
      ),
      { numRuns: 8 },
    );
  });
});
