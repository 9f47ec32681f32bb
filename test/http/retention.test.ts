import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { loadCovenantText } from '../../policies/covenant/load-covenant-text.js';
import { runRetention } from '../../gateway/bewaartermijnen/run-retention.js';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { defaultCovenantDir } from '../../gateway/covenant/record-covenant-version.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

/** The covenant's bewaartermijn per category, enforced: from receipt and from the closing of the casus. */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
const DAY = 86_400_000;
let seq = 600;

/** The demo covenant, with health data kept one year from receipt instead of from closing. */
function covenantFromReceipt() {
  const text = readFileSync(join(defaultCovenantDir, 'zvh-demo-2026.1.yaml'), 'utf8').replace(
    /(id: zorg-levert-gezondheid[\s\S]*?bewaartermijn: \{ duur: P1Y, vanaf: )afsluiting/,
    '$1ontvangst',
  );
  assert.match(text, /P1Y, vanaf: ontvangst/);
  return loadCovenantText(text, 'test.yaml').covenant;
}

async function casusWith(items: [who: string, categorie: string, grondslag: string][]) {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn: testBsn(seq++), achternaam: 'MARKER-NAAM', geboortedatum: '1960-01-01' }],
    })
    .expect(201);
  const casus = a.body.casus as string;
  const persoon = a.body.betrokkenen[0].betrokkene as string;
  await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner: 'gemeente-demo' });
  await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner: 'ggz-demo' });
  const ids: string[] = [];
  for (const [who, categorie, grondslag] of items) {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(as[who]!)
      .send({ doel: 'triage', items: [{ categorie, betrokkene: persoon, inhoud: 'MARKER-INHOUD', grondslag }] });
    assert.equal(res.status, 201, res.text);
    ids.push(res.body.items[0].id);
  }
  return { casus, ids };
}

describe('runRetention', () => {
  const now = new Date();
  let expired: string[];
  let kept: string[];
  const covenant = covenantFromReceipt();
  const deps = () => ({ store: t.db.store, policy: { covenant: () => covenant } });

  before(async () => {
    for (const [k, p, rol] of [
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
      ['ggz', 'ggz-demo', 'medewerker'],
      ['regie', 'zvh-demo', 'procesregisseur'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
    // Closed three years ago: police data (2 years from closing) has expired, housing (5 years) has not.
    const closed = await casusWith([
      ['politie', 'politiegegevens', 'wpg-art-20'],
      ['gemeente', 'wonen', 'avg-6-1-e-gemeente'],
    ]);
    await t.db.store.db.casus.update({
      where: { id: closed.casus },
      data: { afgeslotenOp: new Date(now.getTime() - 3 * 365 * DAY) },
    });
    // Open: nothing counted from closing can expire; health data received two years ago (1 year from receipt) has.
    const open = await casusWith([
      ['politie', 'politiegegevens', 'wpg-art-20'],
      ['ggz', 'psychische-gezondheid', 'uavg-art-30-zorg'],
      ['ggz', 'psychische-gezondheid', 'uavg-art-30-zorg'],
    ]);
    await t.db.store.db.informatieItem.update({
      where: { id: open.ids[1]! },
      data: { ontvangenOp: new Date(now.getTime() - 2 * 365 * DAY) },
    });
    expired = [closed.ids[0]!, open.ids[1]!];
    kept = [closed.ids[1]!, open.ids[0]!, open.ids[2]!];
  });

  it('a dry run counts per category and deletes nothing', async () => {
    const before = await t.db.store.db.informatieItem.count();
    const report = await runRetention(deps(), { dryRun: true, now });
    assert.deepEqual(report.perCategorie, { politiegegevens: 1, 'psychische-gezondheid': 1 });
    assert.equal(report.verwijderd, 0);
    assert.equal(await t.db.store.db.informatieItem.count(), before, 'nothing deleted');
  });

  it('a real run deletes exactly the expired items, from receipt and from closing', async () => {
    const report = await runRetention(deps(), { dryRun: false, now });
    assert.deepEqual(report.perCategorie, { politiegegevens: 1, 'psychische-gezondheid': 1 });
    assert.equal(report.verwijderd, 2);
    const left = new Set((await t.db.store.db.informatieItem.findMany({ select: { id: true } })).map((i) => i.id));
    for (const id of expired) assert.ok(!left.has(id), `expired item ${id} deleted`);
    for (const id of kept) assert.ok(left.has(id), `item ${id} within its period kept`);
    assert.deepEqual(
      (await runRetention(deps(), { dryRun: false, now })).perCategorie,
      {},
      'a second run finds nothing',
    );
  });

  it('`knooppunt retention run --dry-run` prints counts only, never ids or content', async () => {
    const lines: string[] = [];
    const code = await runCli(['retention', 'run', '--dry-run'], {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
      env: { DATABASE_URL: t.db.url, KNOOPPUNT_DATA_DIR: t.dataDir },
    });
    const text = lines.join('\n');
    assert.equal(code, 0, text);
    assert.match(text, /proefdraai/);
    for (const id of kept) assert.ok(!text.includes(id), 'no item id in the output');
    assert.ok(!text.includes('MARKER'), 'no content in the output');
    assert.ok(!t.logLines().join('\n').includes('MARKER'), 'no content in the logs');
  });
});
