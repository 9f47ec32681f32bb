import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { CLIENT_ASSERTION_TYPE } from '../../gateway/auth/exchange-token.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp({ env: { KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '3' } });

describe('rate limits', () => {
  it('answer 429 with Retry-After once a partner has used its requests for the minute', async () => {
    for (let i = 0; i < 3; i++)
      await request(t.app).get('/api/v1/partners/ik').set(t.asPartner('gemeente-demo')).expect(200);
    const res = await request(t.app).get('/api/v1/partners/ik').set(t.asPartner('gemeente-demo'));
    assertProblem(res, 429, 'rate-limited');
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${res.headers['retry-after']}`);
  });

  it('count per partner: another partner is not affected', async () => {
    await request(t.app).get('/api/v1/partners/ik').set(t.asPartner('ggz-demo')).expect(200);
  });

  it('keep anonymous traffic to its own budget per address: a flood cannot lock out a partner behind the same address', async () => {
    // Ten times the partner limit for anonymous requests: public calls and refused credentials alike.
    for (let i = 0; i < 15; i++) await request(t.app).get('/api/v1/health').expect(200);
    for (let i = 0; i < 15; i++) assertProblem(await request(t.app).get('/api/v1/partners/ik'), 401, 'unauthenticated');
    assertProblem(await request(t.app).get('/api/v1/health'), 429, 'rate-limited');
    assertProblem(await request(t.app).get('/api/v1/partners/ik'), 429, 'rate-limited');
    // Same address (loopback), authenticated: its own partner budget, untouched by the flood.
    const res = await request(t.app).get('/api/v1/partners/ik').set(t.asPartner('om-demo'));
    assert.equal(res.status, 200, `an authenticated partner still gets through: ${res.text}`);
    // A public operation with a valid registered certificate counts against that partner, not the address.
    const token = await request(t.app)
      .post('/api/v1/token')
      .set(t.asPartner('om-demo'))
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: await t.assertion('om-demo'),
      });
    assert.equal(token.status, 200, `the partner can still get a token: ${token.text}`);
    // A certificate anyone can make buys no budget of its own: still the address's exhausted one.
    const unregistered = await request(t.app)
      .post('/api/v1/token')
      .set(
        'x-ssl-client-cert',
        encodeURIComponent(readFileSync(new URL('../fixtures/other-ca.pem', import.meta.url), 'utf8')),
      )
      .type('form')
      .send({ grant_type: 'client_credentials' });
    assertProblem(unregistered, 429, 'rate-limited');
  });
});
