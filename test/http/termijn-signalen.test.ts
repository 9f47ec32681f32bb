import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { runTermijnSignalen } from '../../gateway/rechten/verzoeken/termijn-signalen.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

/** Deadline reminders: a signal in the request's history and the audit trail, once per kind and deadline. */
const t = useTestApp();
const DAY = 86_400_000;
let fg: Record<string, string>;
let id: string;
let uiterlijk: string;

const deps = () => ({ store: t.db.store, dp: t.dataProtection });
const mine = (signals: { verzoek: string }[]) => signals.filter((s) => s.verzoek === id);

describe('runTermijnSignalen', () => {
  before(async () => {
    fg = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    const res = await request(t.app)
      .post('/api/v1/verzoeken')
      .set(fg)
      .send({ soort: 'inzage', bsn: testBsn(1551), identiteit: { methode: 'digid' } });
    assert.equal(res.status, 201, res.text);
    id = res.body.id;
    uiterlijk = res.body.uiterlijk;
  });

  it('records nothing for a request far from its deadline', async () => {
    assert.deepEqual(mine(await runTermijnSignalen(deps(), t.clock.now(), 3)), []);
  });

  it('signals a deadline within the window once, and the same deadline overdue once more', async () => {
    const soon = new Date(Date.parse(`${uiterlijk}T12:00:00Z`) - 2 * DAY);
    assert.deepEqual(mine(await runTermijnSignalen(deps(), soon, 7)), [
      { verzoek: id, soort: 'termijn-nadert', uiterlijk },
    ]);
    assert.deepEqual(mine(await runTermijnSignalen(deps(), soon, 7)), [], 'a second run records nothing');
    const late = new Date(Date.parse(`${uiterlijk}T12:00:00Z`) + 3 * DAY);
    assert.deepEqual(mine(await runTermijnSignalen(deps(), late, 7)), [
      { verzoek: id, soort: 'termijn-verlopen', uiterlijk },
    ]);
    assert.deepEqual(mine(await runTermijnSignalen(deps(), late, 7)), []);
    const g = (await request(t.app).get(`/api/v1/verzoeken/${id}`).set(fg).expect(200)).body.geschiedenis as {
      soort: string;
      door?: { partner: string; actor: string };
    }[];
    const signals = g.filter((e) => e.soort.startsWith('termijn-'));
    assert.deepEqual(
      signals.map((e) => e.soort),
      [`termijn-nadert:${uiterlijk}`, `termijn-verlopen:${uiterlijk}`],
    );
    assert.deepEqual(signals[0]!.door, { partner: 'knooppunt', actor: 'termijnbewaking' });
  });
});
