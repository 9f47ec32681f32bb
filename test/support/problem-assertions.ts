import assert from 'node:assert/strict';
import type { Response } from 'supertest';

/** Asserts an RFC 9457 answer with the given status and stable code. */
export function assertProblem(res: Response, status: number, code: string): void {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
  const body = JSON.parse(res.text) as Record<string, unknown>;
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(typeof body.title, 'string');
  assert.equal(body.type, `https://knooppunt.example/problemen/${code}`);
  if (status >= 500) {
    assert.equal(body.detail, undefined, '5xx must not carry details');
    assert.equal(typeof body.logId, 'string');
  }
}
