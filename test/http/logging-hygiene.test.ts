import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import request from 'supertest';
import { createLogger } from '../../gateway/logging/create-logger.js';
import { captureLogger } from '../support/capture-logger.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const secret = 'Jansen-1980-05-05-123456782';

describe('logging', () => {
  it('writes one line per request with the route template, status and ids, and nothing of the request', async () => {
    await request(t.app)
      .get(`/api/v1/bestaat-niet-${secret}`)
      .set('Authorization', `Bearer ${secret}`)
      .set('Cookie', `s=${secret}`)
      .set('X-Custom', secret);
    await request(t.app).get('/api/v1/health?bsn=123456782');
    const lines = t.logLines();
    assert.ok(lines.length >= 2, `at least 2 log lines, got ${lines.length}`);
    for (const line of lines) {
      assert.ok(!line.includes(secret), `log line leaks request content: ${line}`);
      assert.ok(!line.includes('123456782'), `log line leaks a BSN: ${line}`);
    }
    const access = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    assert.ok(
      access.some((l) => l.route === 'unmatched' && l.status === 404),
      'an access log line for the unmatched route with status 404',
    );
    assert.ok(
      access.every((l) => typeof l.requestId === 'string' && typeof l.traceId === 'string'),
      'every access log line carries a requestId and a traceId',
    );
  });

  it('redacts personal data and secrets even when code logs them by mistake', () => {
    const { logger, lines } = captureLogger();
    logger.info({
      msg: 'oops',
      bsn: '123456782',
      betrokkene: { naam: 'Jan Jansen', bsn: '111222333' },
      headers: { authorization: 'Bearer x' },
      token: 'eyJ',
    });
    const line = lines()[0]!;
    for (const leaked of ['123456782', 'Jan Jansen', '111222333', 'Bearer x', 'eyJ'])
      assert.ok(!line.includes(leaked), leaked);
    assert.ok(createLogger('info'), 'createLogger returns a logger');
  });
});
