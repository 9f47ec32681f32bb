import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { testProvider } from '../support/test-store.js';
import { useTestApp } from '../support/test-app.js';

/** How long the writers run: 30 s in CI (the figure), shorter locally with CONCURRENCY_TEST_SECONDS. */
const SECONDS = Math.min(30, Number(process.env.CONCURRENCY_TEST_SECONDS ?? 30));
const WRITERS = 16;

const t = useTestApp({ env: { KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '1000000' } });
let politie: Record<string, string>;
let casus: string;
let vader: string;

const aanmelding = (n: number) => ({
  soort: 'persoon',
  gemeente: 'Demostad',
  reden: 'Overlast',
  leefgebieden: ['huisvesting-en-wonen'],
  betrokkenen: [{ ref: 'v', bsn: testBsn(1000 + n), achternaam: 'de Vries', geboortedatum: '1981-03-14' }],
});

const item = () => ({
  categorie: 'politiegegevens',
  betrokkene: vader,
  inhoud: 'Melding huiselijk geweld.',
  grondslag: 'wpg-art-20',
  leefgebied: 'relaties-partner-gezin-familie',
});

describe(`${WRITERS} concurrent writers for ${SECONDS} s on ${testProvider()}`, () => {
  before(async () => {
    politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const res = await request(t.app).post('/api/v1/aanmeldingen').set(politie).send(aanmelding(0));
    assert.equal(res.status, 201, res.text);
    casus = res.body.casus;
    vader = res.body.betrokkenen[0].betrokkene;
  });

  it(
    'answer no 5xx, and every acknowledged write is there afterwards',
    { timeout: (SECONDS + 120) * 1000 },
    async () => {
      const deadline = Date.now() + SECONDS * 1000;
      const statuses = new Map<number, number>();
      const itemIds: string[] = [];
      const casusIds: string[] = [];
      const failures: string[] = [];
      let n = 0;
      const writer = async (w: number) => {
        for (let i = 0; Date.now() < deadline; i++) {
          const kind = (w + i) % 3;
          let res: request.Response;
          if (kind === 0) {
            res = await request(t.app)
              .post(`/api/v1/casussen/${casus}/informatie`)
              .set(politie)
              .send({ doel: 'triage', items: [item(), item()] });
            if (res.status === 201) itemIds.push(...res.body.items.map((x: { id: string }) => x.id));
          } else if (kind === 1) {
            res = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=triage`).set(politie);
          } else {
            res = await request(t.app).post('/api/v1/aanmeldingen').set(politie).send(aanmelding(++n));
            if (res.status === 201) casusIds.push(res.body.casus);
          }
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500 && failures.length < 5) failures.push(`${res.status} ${res.text}`);
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      const summary = JSON.stringify(Object.fromEntries(statuses));
      const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((a, [, c]) => a + c, 0);
      assert.equal(fiveHundreds, 0, `no 5xx under concurrent writes; statuses ${summary}; ${failures.join(' | ')}`);
      assert.ok(itemIds.length > 0 && casusIds.length > 0, `writes were acknowledged: ${summary}`);
      const db = t.db.store.db;
      // Counted in chunks of 500: Prisma binds at most 999 values per SQLite query, and a fast machine
      // acknowledges thousands of writes.
      const stored = async (ids: string[], count: (chunk: string[]) => Promise<number>) => {
        let n = 0;
        for (let i = 0; i < ids.length; i += 500) n += await count(ids.slice(i, i + 500));
        return n;
      };
      assert.equal(
        await stored(itemIds, (chunk) => db.informatieItem.count({ where: { id: { in: chunk } } })),
        itemIds.length,
        'every acknowledged item is stored',
      );
      assert.equal(
        await stored(casusIds, (chunk) => db.casus.count({ where: { id: { in: chunk } } })),
        casusIds.length,
        'every acknowledged aanmelding is stored',
      );
    },
  );
});
