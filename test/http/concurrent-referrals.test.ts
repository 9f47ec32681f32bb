import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

describe('referrals of one new person at the same moment', () => {
  it('all succeed and link to one record, however the transactions interleave', async () => {
    const politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const bsn = testBsn(777);
    const refer = (i: number) =>
      request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(politie)
        .send({
          soort: 'persoon',
          gemeente: 'Demostad',
          reden: `Melding ${i}`,
          leefgebieden: ['huisvesting-en-wonen'],
          betrokkenen: [{ ref: 'p', bsn, achternaam: 'Gelijktijdig', geboortedatum: '1990-05-05' }],
        });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => refer(i)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(8).fill(201),
      `every referral is accepted: ${answers.map((a) => `${a.status} ${a.status === 201 ? '' : a.text}`).join(' | ')}`,
    );
    const persons = new Set(answers.map((a) => a.body.betrokkenen[0].betrokkene as string));
    assert.equal(persons.size, 1, `one BSN, one person record (got ${persons.size})`);
  });
});
