import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

describe('GET /api/v1/health', () => {
  it('answers 200 ok with the API-Version header', async () => {
    const res = await request(t.app).get('/api/v1/health').expect(200);
    assert.deepEqual(res.body, { status: 'ok' });
    assert.equal(res.headers['api-version'], '1.0.0');
  });

  it('continues an incoming W3C trace with a new span id', async () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await request(t.app).get('/api/v1/health').set('traceparent', parent).expect(200);
    const [version, traceId, spanId, flags] = String(res.headers.traceparent).split('-');
    assert.deepEqual([version, traceId, flags], ['00', '4bf92f3577b34da6a3ce929d0e0e4736', '01']);
    assert.notEqual(spanId, '00f067aa0ba902b7');
  });

  it('starts a new trace when the incoming traceparent is malformed', async () => {
    const res = await request(t.app).get('/api/v1/health').set('traceparent', '00-xyz-00f067aa0ba902b7-01').expect(200);
    assert.match(String(res.headers.traceparent), /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    assert.doesNotMatch(String(res.headers.traceparent), /xyz/);
  });

  it('gives every new trace its own trace and span ids, also past a refill of the random pool', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const [, traceId, spanId] = String((await request(t.app).get('/api/v1/health')).headers.traceparent).split('-');
      ids.add(traceId!).add(spanId!);
    }
    assert.equal(ids.size, 800);
  });

  it('sends security headers and forbids caching', async () => {
    const res = await request(t.app).get('/api/v1/health');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['strict-transport-security']), /max-age=/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('answers 406 when the client accepts only HTML', async () => {
    assertProblem(await request(t.app).get('/api/v1/health').set('Accept', 'text/html'), 406, 'not-acceptable');
  });

  it('answers 405 with Allow for a method the contract does not declare', async () => {
    const res = await request(t.app).delete('/api/v1/health');
    assertProblem(res, 405, 'method-not-allowed');
    assert.equal(res.headers.allow, 'GET');
  });

  it('refuses query parameters the contract does not declare', async () => {
    assertProblem(await request(t.app).get('/api/v1/health?debug=1'), 400, 'invalid-request');
  });
});

describe('GET /api/v1/ready', () => {
  it('reports the database kind and the applied migrations', async () => {
    const res = await request(t.app).get('/api/v1/ready').expect(200);
    assert.equal(res.body.status, 'ok');
    assert.equal(res.body.database, t.db.store.provider);
    assert.ok(res.body.migraties >= 1, `at least one migration applied, got ${res.body.migraties}`);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('serves the contract with its version', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json').expect(200);
    assert.equal(res.body.openapi, '3.1.0');
    assert.equal(res.body.info.version, res.headers['api-version']);
  });
});

describe('routes outside the contract', () => {
  it('answer 404 problem+json for an unknown path under the API', async () => {
    assertProblem(await request(t.app).get('/api/v1/bestaat-niet'), 404, 'not-found');
  });

  it('leave paths outside the API base path to the staff web application (an HTML 404 for unknown ones)', async () => {
    const res = await request(t.app).get('/bestaat-niet');
    assert.equal(res.status, 404, 'an unknown page is a 404');
    assert.match(res.headers['content-type'] ?? '', /^text\/html/, 'the web application answers in HTML');
  });

  it('answer 404 for a trailing slash (NL API rule: no trailing slashes)', async () => {
    assertProblem(await request(t.app).get('/api/v1/health/'), 404, 'not-found');
  });
});
