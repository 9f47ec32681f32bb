import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { ledgerTamper } from '../support/ledger-tamper.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Issue 14: a running gateway whose database was altered behind its back — the tail cut and the
 * checkpoint over it deleted — stops: not ready, no disclosure leaves, nothing is signed, no
 * checkpoint is served, and the problem is in the error log without personal data.
 */
const t = useTestApp();
let politie: Record<string, string>;
let casus: string;
const pull = () => request(t.app).get(`/api/v1/casussen/${casus}?doel=casusoverleg`).set(politie);

describe('a gateway whose disclosure log was tampered with', () => {
  before(async () => {
    politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Zorgen over veiligheid',
        leefgebieden: ['huisvesting-en-wonen'],
        signalen: ['geweld'],
        betrokkenen: [
          { ref: 'p', bsn: testBsn(41), voornamen: 'Anna', achternaam: 'Smit', geboortedatum: '1990-01-01' },
        ],
      })
      .expect(201);
    casus = a.body.casus;
  });

  it('serves pulls, is ready and signs while the log only grows', async () => {
    for (let i = 0; i < 4; i++) await pull().expect(200);
    await request(t.app).get('/api/v1/ready').expect(200);
    const cp = await t.integrity.sign();
    assert.ok(cp && cp.size >= 4);
  });

  it('after the tail is cut and its checkpoint deleted: 503 on /ready and on the pull, no checkpoint signed or served', async () => {
    const signed = (await t.integrity.latest())!;
    const tamper = ledgerTamper(t.db);
    await tamper.cutFrom(t.ledger.origin, signed.size - 2);
    await tamper.deleteCheckpointsAbove(t.ledger.origin, 0);

    assertProblem(await request(t.app).get('/api/v1/ready'), 503, 'unavailable');
    const sizeBefore = await t.ledger.size();
    assertProblem(await pull(), 503, 'unavailable');
    assert.equal(await t.ledger.size(), sizeBefore, 'the refused pull wrote nothing and disclosed nothing');
    assertProblem(await request(t.app).get('/api/v1/verstrekkingslog/checkpoint'), 503, 'unavailable');
    await assert.rejects(t.integrity.sign(), { code: 'unavailable' });
    assert.equal(await t.db.store.db.ledgerCheckpoint.count(), 0, 'nothing signed over the cut');

    const errors = t
      .logLines()
      .map((l) => JSON.parse(l) as { level: string; msg: string; reason?: string })
      .filter((l) => l.level === 'error' && /integrity check failed/.test(l.msg));
    assert.equal(errors.length, 1, 'logged once, loudly');
    assert.match(errors[0]!.reason!, new RegExp(`signed checkpoint ${signed.size} is gone`));
    assert.doesNotMatch(t.logLines().join('\n'), new RegExp(`${testBsn(41)}|Anna|Smit`));
  });
});
